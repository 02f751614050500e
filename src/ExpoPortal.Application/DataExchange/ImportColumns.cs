using System.Text;

namespace ExpoPortal.Application.DataExchange;

public enum ImportKind
{
    Participants,
    Exhibitors,
}

/// <summary>A column the portal understands: its canonical (English) header, whether a row needs it, and other headers that mean it.</summary>
public sealed record ImportColumn(string Name, bool Required, params string[] Aliases);

/// <summary>
/// The columns of each kind of list, in template order, with the Korean (and looser English) headers that lists from
/// chapters and provinces use, so that the mapping can be guessed.
/// </summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> Participants =
    [
        new("email", true, "e-mail", "mail", "이메일", "전자우편", "메일", "이메일주소"),
        new("name", true, "full name", "fullname", "이름", "성명", "성함"),
        new("company", true, "company name", "회사", "회사명", "업체명", "기업명"),
        new("country", true, "국가", "나라", "국가명"),
        new("kind", true, "type", "participant type", "구분", "유형", "참가구분", "참가유형"),
        new("chapter", false, "지회", "지회명"),
        new("city", true, "도시", "도시명"),
        new("languages", false, "language", "언어", "사용언어"),
        new("interests_hs", false, "hs", "hs codes", "interests", "관심hs", "관심hs코드", "관심품목", "hs코드"),
        new("import_scale", false, "scale", "수입규모", "규모"),
        new("arrival", false, "arrives", "arrival date", "도착일", "도착", "입국일"),
        new("departure", false, "departs", "departure date", "출발일", "출발", "출국일"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Exhibitors =
    [
        new("business_number", false, "brn", "business registration number", "사업자등록번호", "사업자번호"),
        new("email", true, "e-mail", "mail", "이메일", "전자우편", "메일", "담당자이메일"),
        new("name_ko", true, "korean name", "회사명(국문)", "국문회사명", "기업명(국문)", "국문명", "회사명", "기업명", "업체명"),
        new("name_en", false, "english name", "company name", "회사명(영문)", "영문회사명", "기업명(영문)", "영문명"),
        new("region", true, "province", "지역", "시도", "소재지"),
        new("city", false, "시군구", "도시"),
        new("industry", true, "sector", "업종", "산업", "분야"),
        new("languages", false, "language", "언어", "사용언어"),
        new("website", false, "homepage", "web", "홈페이지", "웹사이트"),
        new("contact_name", false, "contact", "담당자", "담당자명", "담당자 이름"),
        new("contact_phone", false, "phone", "tel", "연락처", "전화번호", "담당자연락처", "전화"),
        new("products", false, "product", "제품", "품목", "제품목록", "주요제품"),
    ];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind == ImportKind.Participants ? Participants : Exhibitors;

    /// <summary>For each column, the index of the file's header that means it, or null when none does.</summary>
    public static Dictionary<string, int?> Guess(ImportKind kind, IReadOnlyList<string> headers) => Guess(Of(kind), headers);

    public static Dictionary<string, int?> Guess(IReadOnlyList<ImportColumn> columns, IReadOnlyList<string> headers)
    {
        var normalised = headers.Select(Normalise).ToList();
        var mapping = new Dictionary<string, int?>();
        var taken = new HashSet<int>();
        foreach (var column in columns)
        {
            int? found = null;
            foreach (var candidate in new[] { column.Name }.Concat(column.Aliases).Select(Normalise))
            {
                var index = normalised.FindIndex(h => h == candidate);
                if (index >= 0 && taken.Add(index)) { found = index; break; }
            }
            mapping[column.Name] = found;
        }
        return mapping;
    }

    /// <summary>Lower case without spaces, underscores, hyphens or dots: "E-Mail", "e_mail" and "이메일 " compare equal to their forms above.</summary>
    public static string Normalise(string header)
    {
        var text = new StringBuilder();
        foreach (var c in header.Trim().ToLowerInvariant())
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-' or '.' or '*')) text.Append(c);
        return text.ToString();
    }
}
