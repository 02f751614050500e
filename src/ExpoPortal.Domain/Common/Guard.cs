namespace ExpoPortal.Domain.Common;

internal static class Guard
{
    public static string NotBlank(string? value, string name, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException($"{name} is required.");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength) throw new DomainException($"{name} is longer than {maxLength} characters.");
        return trimmed;
    }

    public static int Positive(int value, string name) =>
        value > 0 ? value : throw new DomainException($"{name} must be positive.");

    /// <summary>ISO 3166-1 alpha-2 country codes, upper case, without duplicates.</summary>
    public static List<string> CountryCodes(IEnumerable<string>? codes, string name) =>
        LetterCodes(codes, name, 2).Select(c => c.ToUpperInvariant()).Distinct().ToList();

    /// <summary>ISO 639-1 language codes, lower case, without duplicates.</summary>
    public static List<string> LanguageCodes(IEnumerable<string>? codes, string name) =>
        LetterCodes(codes, name, 2).Select(c => c.ToLowerInvariant()).Distinct().ToList();

    private static IEnumerable<string> LetterCodes(IEnumerable<string>? codes, string name, int length)
    {
        foreach (var raw in codes ?? [])
        {
            var code = raw.Trim();
            if (code.Length == 0) continue;
            if (code.Length != length || !code.All(char.IsAsciiLetter))
                throw new DomainException($"{name}: '{code}' is not a {length}-letter code.");
            yield return code;
        }
    }
}
