using PdfSharp.Fonts;

namespace ExpoPortal.Infrastructure.Documents;

/// <summary>Raised when the Korean font the PDFs embed is not on the machine: the message says what to install.</summary>
public sealed class PdfFontMissingException(string message) : Exception(message);

/// <summary>
/// PDFsharp finds no fonts by itself outside Windows: this hands it NanumGothic (regular and bold, SIL OFL) from the
/// fonts-nanum Debian package, so every document embeds a subset of the one font that holds both Hangul and Latin.
/// </summary>
public sealed class NanumFontResolver : IFontResolver
{
    public const string Family = "Nanum Gothic";
    private const string Regular = "NanumGothic";
    private const string Bold = "NanumGothicBold";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/nanum";

    private readonly Dictionary<string, byte[]> _faces;

    public NanumFontResolver(string directory)
    {
        RequireFonts(directory);
        _faces = new[] { Regular, Bold }.ToDictionary(face => face, face => File.ReadAllBytes(Path.Combine(directory, face + ".ttf")), StringComparer.Ordinal);
    }

    /// <summary>Throws <see cref="PdfFontMissingException"/>, saying what to install, unless both faces are in the folder.</summary>
    public static void RequireFonts(string directory)
    {
        foreach (var face in new[] { Regular, Bold })
            if (!File.Exists(Path.Combine(directory, face + ".ttf")))
                throw new PdfFontMissingException(
                    $"The Korean font {face}.ttf is missing from {directory}: install the fonts-nanum package (apt-get install fonts-nanum) or set Pdf:FontDirectory to a folder that holds NanumGothic.ttf and NanumGothicBold.ttf.");
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular); // one family for everything; italics are not used

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

    private static readonly Lock Gate = new();
    private static string? _installedFrom;

    /// <summary>
    /// PDFsharp keeps one resolver for the process and refuses a change once fonts were used: install it once, and
    /// fail with a clear message (every time, not only the first) when the font is missing.
    /// </summary>
    public static void EnsureInstalled(string directory)
    {
        RequireFonts(directory); // checked on every document, even after PDFsharp holds the faces in memory
        lock (Gate)
        {
            if (_installedFrom is not null) return;
            var resolver = new NanumFontResolver(directory);
            GlobalFontSettings.FontResolver = resolver;
            _installedFrom = directory;
        }
    }
}
