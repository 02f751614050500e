using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace ExpoPortal.Infrastructure.Identity;

/// <summary>
/// The data-protection keys (sign-in cookies, antiforgery, QR check-in tokens) live in PostgreSQL so that every
/// instance reads the same ring; this encrypts them at rest with a certificate kept outside the database, so that a
/// copy of the database (a backup) cannot forge a sign-in. See docs/decisions/0006-scale-out.md.
/// <list type="bullet">
/// <item><c>DataProtection:CertificatePath</c> (+ <c>CertificatePassword</c>): a PKCS#12 file shared by every instance;
/// with <c>DataProtection:CreateCertificate=true</c> it is made (self-signed RSA 3072) when missing.</item>
/// <item>Nothing configured, on the private local PostgreSQL of <c>./run.sh</c>: such a file beside its data folder, made on first start.</item>
/// <item>Nothing configured, on a configured database: the keys are stored unencrypted, and the log says so.</item>
/// </list>
/// </summary>
internal static class KeyProtection
{
    public const string FileName = "data-protection.pfx";

    public static void Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration, string? localCertificatePath, Action<string>? log)
    {
        var path = configuration["DataProtection:CertificatePath"] is { Length: > 0 } configured ? configured : localCertificatePath;
        if (path is null)
        {
            log?.Invoke("Data-protection keys are stored in PostgreSQL UNENCRYPTED: set DataProtection:CertificatePath " +
                        "(and DataProtection:CreateCertificate=true to make one) to encrypt them at rest.");
            return;
        }
        var password = configuration["DataProtection:CertificatePassword"] is { Length: > 0 } p ? p : null;
        var create = localCertificatePath == path || configuration.GetValue("DataProtection:CreateCertificate", false);
        var certificate = LoadOrCreate(path, password, create);
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        log?.Invoke($"Data-protection keys are encrypted at rest with the certificate {path} ({certificate.Thumbprint[..8]}...)");
    }

    internal static X509Certificate2 LoadOrCreate(string path, string? password, bool create)
    {
        if (!File.Exists(path))
        {
            if (!create)
                throw new InvalidOperationException($"DataProtection:CertificatePath is {path}, which does not exist (DataProtection:CreateCertificate=true makes it).");
            Create(path, password);
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password);
    }

    /// <summary>Written beside and moved into place without overwriting, so that two instances starting together share one.</summary>
    private static void Create(string path, string? password)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=ExpoPortal data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(30));
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pfx, password));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another instance made it first
        }
    }
}
