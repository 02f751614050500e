using System.Globalization;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Participants;

namespace ExpoPortal.Application.DataExchange;

/// <summary>
/// Reading one cell into the portal's values, and writing them back the same way. Import and export share these, so
/// an exported list imports as unchanged.
/// </summary>
public static class ImportValues
{
    private static readonly Dictionary<string, string> CountryByName = BuildCountries();
    private static readonly Dictionary<string, string> ProvinceByName = BuildProvinces();
    private static readonly Dictionary<string, string> LanguageByName = BuildLanguages();

    public static string Key(string text) => ImportColumns.Normalise(text);

    public static bool HasHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F');

    public static IReadOnlyList<string> List(string cell) =>
        cell.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinList(IEnumerable<string> items) => string.Join(";", items);

    public static string? Country(string text) => CountryByName.GetValueOrDefault(Key(text));

    /// <summary>A Korean province (ISO 3166-2 code, Korean or English name, as in 경상북도, Gyeongsangbuk-do, KR-47) or, for firms abroad, a country.</summary>
    public static (string Country, string? Province)? Region(string text)
    {
        if (ProvinceByName.TryGetValue(Key(text), out var province)) return ("KR", province);
        return Country(text) is { } country ? (country, null) : null;
    }

    public static string FormatRegion(string country, string? province) => province ?? country;

    public static string? Language(string text) => LanguageByName.GetValueOrDefault(Key(text));

    public static ParticipantKind? Kind(string text) => Key(text) switch
    {
        "member" or "overseasmembertrader" or "membertrader" or "회원" or "해외회원" or "회원무역인" or "해외회원무역인" => ParticipantKind.OverseasMemberTrader,
        "buyer" or "foreignbuyer" or "바이어" or "해외바이어" or "외국바이어" => ParticipantKind.ForeignBuyer,
        _ => null,
    };

    public static string FormatKind(ParticipantKind kind) => kind == ParticipantKind.OverseasMemberTrader ? "member" : "buyer";

    public static Industry? IndustryOf(string text)
    {
        var key = Key(text);
        foreach (var industry in Enum.GetValues<Industry>())
        {
            var names = IndustryNames.Of(industry);
            if (key == Key(industry.ToString()) || key == Key(names.Ko) || key == Key(names.En)) return industry;
        }
        return null;
    }

    public static string FormatIndustry(Industry industry) => IndustryNames.Of(industry).En;

    /// <summary>Yearly imports: small (under USD 100k), medium (to 1M), large (to 10M), xlarge (over 10M).</summary>
    public static ImportScale? Scale(string text) => Key(text) switch
    {
        "small" or "under100k" or "소규모" or "소" => ImportScale.Under100K,
        "medium" or "from100kto1m" or "중규모" or "중" => ImportScale.From100KTo1M,
        "large" or "from1mto10m" or "대규모" or "대" => ImportScale.From1MTo10M,
        "xlarge" or "verylarge" or "over10m" or "초대규모" or "초대형" => ImportScale.Over10M,
        _ => null,
    };

    public static string FormatScale(ImportScale scale) => scale switch
    {
        ImportScale.Under100K => "small",
        ImportScale.From100KTo1M => "medium",
        ImportScale.From1MTo10M => "large",
        _ => "xlarge",
    };

    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool IsEmail(string text) =>
        text.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text
        && text.IndexOf('@') is var at && at > 0 && text.IndexOf('.', at) > at + 1 && !text.Contains(' ');

    /// <summary>Ten digits, dashes and spaces left out (123-45-67890).</summary>
    public static string BusinessDigits(string text) => new(text.Where(c => c is not ('-' or ' ')).ToArray());

    public static string FormatBusinessNumber(string? digits) =>
        digits is { Length: 10 } ? $"{digits[..3]}-{digits[3..5]}-{digits[5..]}" : digits ?? string.Empty;

    /// <summary>"안동시/Andong": Korean, then English. One name alone goes to Korean when it is Hangul, else to English.</summary>
    public static (string Ko, string En) Pair(string text)
    {
        var slash = text.IndexOf('/');
        if (slash >= 0) return (text[..slash].Trim(), text[(slash + 1)..].Trim());
        var single = text.Trim();
        return HasHangul(single) ? (single, string.Empty) : (string.Empty, single);
    }

    public static string FormatPair(string ko, string en) =>
        ko.Length > 0 && en.Length > 0 ? (ko == en ? ko : $"{ko}/{en}") : ko.Length > 0 ? ko : en.Length > 0 && HasHangul(en) ? "/" + en : en;

    private static Dictionary<string, string> BuildCountries()
    {
        var map = new Dictionary<string, string>();
        foreach (var c in Countries.All)
        {
            map[Key(c.Code)] = c.Code;
            map[Key(c.NameKo)] = c.Code;
            map[Key(c.NameEn)] = c.Code;
        }
        foreach (var (alias, code) in new[]
                 {
                     ("Korea", "KR"), ("Republic of Korea", "KR"), ("한국", "KR"), ("USA", "US"), ("United States of America", "US"),
                     ("UK", "GB"), ("Great Britain", "GB"), ("Turkey", "TR"), ("터키", "TR"), ("Czech Republic", "CZ"), ("Viet Nam", "VN"),
                     ("UAE", "AE"), ("남아공", "ZA"), ("체코공화국", "CZ"),
                 })
            map[Key(alias)] = code;
        return map;
    }

    private static Dictionary<string, string> BuildProvinces()
    {
        var map = new Dictionary<string, string>();
        foreach (var p in KoreanProvinces.All)
        {
            map[Key(p.Code)] = p.Code;
            map[Key(p.NameKo)] = p.Code;
            map[Key(p.NameEn)] = p.Code;
        }
        // Revised Romanization names and the short Korean forms that lists use.
        foreach (var (alias, code) in new[]
                 {
                     ("Seoul-teukbyeolsi", "KR-11"), ("서울", "KR-11"), ("서울시", "KR-11"), ("Busan-gwangyeoksi", "KR-26"), ("부산", "KR-26"),
                     ("Daegu-gwangyeoksi", "KR-27"), ("대구", "KR-27"), ("Incheon-gwangyeoksi", "KR-28"), ("인천", "KR-28"),
                     ("Gwangju-gwangyeoksi", "KR-29"), ("광주", "KR-29"), ("Daejeon-gwangyeoksi", "KR-30"), ("대전", "KR-30"),
                     ("Ulsan-gwangyeoksi", "KR-31"), ("울산", "KR-31"), ("Sejong-teukbyeoljachisi", "KR-50"), ("세종", "KR-50"),
                     ("Gyeonggi-do", "KR-41"), ("경기", "KR-41"), ("Gangwon-do", "KR-42"), ("Gangwon-teukbyeoljachido", "KR-42"), ("강원", "KR-42"), ("강원도", "KR-42"),
                     ("Chungcheongbuk-do", "KR-43"), ("충북", "KR-43"), ("Chungcheongnam-do", "KR-44"), ("충남", "KR-44"),
                     ("Jeollabuk-do", "KR-45"), ("Jeonbuk-teukbyeoljachido", "KR-45"), ("전북", "KR-45"), ("전라북도", "KR-45"),
                     ("Jeollanam-do", "KR-46"), ("전남", "KR-46"), ("Gyeongsangbuk-do", "KR-47"), ("경북", "KR-47"),
                     ("Gyeongsangnam-do", "KR-48"), ("경남", "KR-48"), ("Jeju-do", "KR-49"), ("Jeju-teukbyeoljachido", "KR-49"), ("제주", "KR-49"), ("제주도", "KR-49"),
                 })
            map[Key(alias)] = code;
        return map;
    }

    private static Dictionary<string, string> BuildLanguages()
    {
        var map = new Dictionary<string, string>();
        foreach (var (code, ko, en) in new[]
                 {
                     ("ko", "한국어", "Korean"), ("en", "영어", "English"), ("zh", "중국어", "Chinese"), ("ja", "일본어", "Japanese"),
                     ("vi", "베트남어", "Vietnamese"), ("es", "스페인어", "Spanish"), ("ru", "러시아어", "Russian"), ("fr", "프랑스어", "French"),
                     ("de", "독일어", "German"), ("id", "인도네시아어", "Indonesian"), ("th", "태국어", "Thai"), ("ar", "아랍어", "Arabic"),
                     ("pt", "포르투갈어", "Portuguese"), ("mn", "몽골어", "Mongolian"), ("uz", "우즈베크어", "Uzbek"), ("kk", "카자흐어", "Kazakh"),
                     ("it", "이탈리아어", "Italian"), ("tr", "튀르키예어", "Turkish"), ("hi", "힌디어", "Hindi"), ("ms", "말레이어", "Malay"),
                     ("nl", "네덜란드어", "Dutch"), ("sv", "스웨덴어", "Swedish"), ("da", "덴마크어", "Danish"), ("fi", "핀란드어", "Finnish"),
                     ("cs", "체코어", "Czech"), ("hu", "헝가리어", "Hungarian"), ("he", "히브리어", "Hebrew"), ("sw", "스와힐리어", "Swahili"),
                     ("km", "크메르어", "Khmer"), ("my", "미얀마어", "Burmese"), ("bn", "벵골어", "Bengali"), ("si", "싱할라어", "Sinhala"),
                     ("ky", "키르기스어", "Kyrgyz"), ("fa", "페르시아어", "Persian"), ("el", "그리스어", "Greek"), ("ro", "루마니아어", "Romanian"), ("pl", "폴란드어", "Polish"), ("uk", "우크라이나어", "Ukrainian"), ("tl", "타갈로그어", "Tagalog"),
                 })
        {
            map[code] = code;
            map[Key(ko)] = code;
            map[Key(en)] = code;
        }
        return map;
    }
}
