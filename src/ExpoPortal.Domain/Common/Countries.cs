namespace ExpoPortal.Domain.Common;

/// <summary>A country or province code with its Korean and English names.</summary>
public sealed record NamedCode(string Code, string NameKo, string NameEn);

/// <summary>
/// Countries the federation's traders and their buyers come from. .NET's RegionInfo names countries only in
/// the runtime's own language, and the portal must show them in Korean and English whatever the server runs.
/// </summary>
public static class Countries
{
    public static readonly IReadOnlyList<NamedCode> All =
    [
        new("KR", "대한민국", "South Korea"), new("US", "미국", "United States"), new("CA", "캐나다", "Canada"),
        new("MX", "멕시코", "Mexico"), new("BR", "브라질", "Brazil"), new("AR", "아르헨티나", "Argentina"),
        new("CL", "칠레", "Chile"), new("PE", "페루", "Peru"), new("CO", "콜롬비아", "Colombia"),
        new("PY", "파라과이", "Paraguay"), new("GT", "과테말라", "Guatemala"), new("JP", "일본", "Japan"),
        new("CN", "중국", "China"), new("TW", "대만", "Taiwan"), new("HK", "홍콩", "Hong Kong"),
        new("MN", "몽골", "Mongolia"), new("VN", "베트남", "Vietnam"), new("TH", "태국", "Thailand"),
        new("PH", "필리핀", "Philippines"), new("MY", "말레이시아", "Malaysia"), new("SG", "싱가포르", "Singapore"),
        new("ID", "인도네시아", "Indonesia"), new("KH", "캄보디아", "Cambodia"), new("MM", "미얀마", "Myanmar"),
        new("IN", "인도", "India"), new("BD", "방글라데시", "Bangladesh"), new("LK", "스리랑카", "Sri Lanka"),
        new("AU", "호주", "Australia"), new("NZ", "뉴질랜드", "New Zealand"), new("AE", "아랍에미리트", "United Arab Emirates"),
        new("SA", "사우디아라비아", "Saudi Arabia"), new("QA", "카타르", "Qatar"), new("TR", "튀르키예", "Türkiye"),
        new("IL", "이스라엘", "Israel"), new("EG", "이집트", "Egypt"), new("ZA", "남아프리카공화국", "South Africa"),
        new("KE", "케냐", "Kenya"), new("NG", "나이지리아", "Nigeria"), new("GH", "가나", "Ghana"),
        new("DE", "독일", "Germany"), new("FR", "프랑스", "France"), new("GB", "영국", "United Kingdom"),
        new("IT", "이탈리아", "Italy"), new("ES", "스페인", "Spain"), new("NL", "네덜란드", "Netherlands"),
        new("AT", "오스트리아", "Austria"), new("CH", "스위스", "Switzerland"), new("PL", "폴란드", "Poland"),
        new("CZ", "체코", "Czechia"), new("HU", "헝가리", "Hungary"), new("SE", "스웨덴", "Sweden"),
        new("RU", "러시아", "Russia"), new("UZ", "우즈베키스탄", "Uzbekistan"), new("KZ", "카자흐스탄", "Kazakhstan"),
        new("KG", "키르기스스탄", "Kyrgyzstan"), new("UA", "우크라이나", "Ukraine"), new("PT", "포르투갈", "Portugal"),
        new("BE", "벨기에", "Belgium"), new("DK", "덴마크", "Denmark"), new("FI", "핀란드", "Finland"),
    ];

    private static readonly Dictionary<string, NamedCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static NamedCode? Find(string code) => ByCode.GetValueOrDefault(code);

    public static string NameOf(string code, string languageCode) =>
        Find(code) is { } c ? (languageCode.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? c.NameKo : c.NameEn) : code;
}

/// <summary>Korean provinces and metropolitan cities (ISO 3166-2:KR), for exhibitors' regions.</summary>
public static class KoreanProvinces
{
    public static readonly IReadOnlyList<NamedCode> All =
    [
        new("KR-11", "서울특별시", "Seoul"), new("KR-26", "부산광역시", "Busan"), new("KR-27", "대구광역시", "Daegu"),
        new("KR-28", "인천광역시", "Incheon"), new("KR-29", "광주광역시", "Gwangju"), new("KR-30", "대전광역시", "Daejeon"),
        new("KR-31", "울산광역시", "Ulsan"), new("KR-50", "세종특별자치시", "Sejong"), new("KR-41", "경기도", "Gyeonggi"),
        new("KR-42", "강원특별자치도", "Gangwon"), new("KR-43", "충청북도", "North Chungcheong"), new("KR-44", "충청남도", "South Chungcheong"),
        new("KR-45", "전북특별자치도", "North Jeolla"), new("KR-46", "전라남도", "South Jeolla"), new("KR-47", "경상북도", "North Gyeongsang"),
        new("KR-48", "경상남도", "South Gyeongsang"), new("KR-49", "제주특별자치도", "Jeju"),
    ];

    private static readonly Dictionary<string, NamedCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static string NameOf(string? code, string languageCode) =>
        code is not null && ByCode.TryGetValue(code, out var p)
            ? (languageCode.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? p.NameKo : p.NameEn)
            : code ?? string.Empty;
}

/// <summary>Where a company is based, as the directory prints it.</summary>
public static class Regions
{
    /// <summary>The province for Korean firms (경상북도), the country for member firms abroad (베트남).</summary>
    public static string NameOf(string countryCode, string? provinceCode, string languageCode) =>
        provinceCode is not null ? KoreanProvinces.NameOf(provinceCode, languageCode) : Countries.NameOf(countryCode, languageCode);
}
