namespace ExpoPortal.Domain.Common;

/// <summary>
/// A text the portal holds in Korean and English. Buyers often read no Korean, and Korean SMEs
/// often write no English, so both are kept side by side rather than one being a translation cache.
/// </summary>
public sealed record LocalizedText
{
    public LocalizedText(string ko, string en)
    {
        if (string.IsNullOrWhiteSpace(ko) && string.IsNullOrWhiteSpace(en))
            throw new ArgumentException("A localized text needs at least a Korean or an English value.");
        Ko = (ko ?? string.Empty).Trim();
        En = (en ?? string.Empty).Trim();
    }

    public string Ko { get; private init; }
    public string En { get; private init; }

    /// <summary>The text in the given language ("ko" or anything else for English), falling back to the other.</summary>
    public string In(string languageCode) =>
        languageCode.StartsWith("ko", StringComparison.OrdinalIgnoreCase)
            ? (Ko.Length > 0 ? Ko : En)
            : (En.Length > 0 ? En : Ko);

    public override string ToString() => $"{Ko} / {En}";
}
