using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Exhibitors;

/// <summary>
/// A Harmonized System product code: a 4-digit heading (0902 tea) or a 6-digit subheading (090210 green tea).
/// Matching compares codes at 6, 4 and 2 digits, so only digits are kept, never dots.
/// </summary>
public sealed record HsCode
{
    private HsCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The 2-digit chapter, e.g. 09 for coffee, tea and spices.</summary>
    public string Chapter => Value[..2];

    /// <summary>The 4-digit heading, e.g. 0902 for tea.</summary>
    public string Heading => Value[..4];

    /// <summary>
    /// The digits of a code as people write it (0902.10, 0902 10, 0902-10), nothing checked yet. Imports, the listing's
    /// suggestions and <see cref="TryParse"/> all read codes through this. A code that lost its leading zero in a
    /// spreadsheet's number cell stays short, so that it is reported rather than guessed: "123" could be 0123 or a slip.
    /// </summary>
    public static string DigitsOf(string? text) => new((text ?? string.Empty).Trim().Where(c => c is not ('.' or ' ' or '-')).ToArray());

    public static bool TryParse(string? text, out HsCode? code)
    {
        var digits = DigitsOf(text);
        code = digits.Length is 4 or 6 && digits.All(char.IsAsciiDigit) && IsRealChapter(digits[..2]) ? new HsCode(digits) : null;
        return code is not null;
    }

    /// <summary>The Harmonized System has chapters 01 to 97; chapter 77 is reserved and holds no goods.</summary>
    public static bool IsRealChapter(string chapter) =>
        chapter.Length == 2 && int.TryParse(chapter, out var n) && n is >= 1 and <= 97 && n != 77;

    /// <summary>A chapter, heading or subheading (2, 4 or 6 digits) under a real chapter, as buyers state interests.</summary>
    public static bool IsValidPrefix(string? digits) =>
        digits is { Length: 2 or 4 or 6 } && digits.All(char.IsAsciiDigit) && IsRealChapter(digits[..2]);

    public static HsCode Parse(string text) =>
        TryParse(text, out var code) ? code! : throw new DomainException($"'{text}' is not an HS code of 4 or 6 digits under a real chapter.");

    public override string ToString() => Value;
}
