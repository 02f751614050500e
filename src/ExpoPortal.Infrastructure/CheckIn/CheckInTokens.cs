using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using ExpoPortal.Application.Desk;
using Microsoft.AspNetCore.DataProtection;

namespace ExpoPortal.Infrastructure.CheckIn;

/// <summary>
/// Check-in tokens signed (and encrypted) with the portal's data-protection keys, which live in the database: a
/// code printed or saved on a phone before the event still scans on the day, on any instance.
/// URL-safe, so the same token works in a QR code, pasted at the desk, or in <c>/check-in/{token}</c>.
/// </summary>
internal sealed class CheckInTokens(IDataProtectionProvider protection) : ICheckInTokens
{
    private readonly IDataProtector _protector = protection.CreateProtector("ExpoPortal.CheckIn.v1");

    public string Issue(int meetingId)
    {
        var id = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(id, meetingId);
        return Base64Url.EncodeToString(_protector.Protect(id));
    }

    public int? Read(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512) return null;
        try
        {
            var id = _protector.Unprotect(Base64Url.DecodeFromChars(token.Trim()));
            return id.Length == 4 ? BinaryPrimitives.ReadInt32BigEndian(id) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
