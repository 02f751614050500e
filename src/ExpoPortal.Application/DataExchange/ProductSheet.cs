using ExpoPortal.Domain.Exhibitors;

namespace ExpoPortal.Application.DataExchange;

/// <summary>
/// The products of an exhibitor list given as a second worksheet, one product per row, instead of (or as well as) the
/// <c>products</c> column: provinces often send them that way. Each row names its company by business registration
/// number or e-mail, as the first sheet does. Problems are reported on the company's row of the first sheet, saying
/// which row of the products sheet is wrong, so that the per-row report and its download stay one list.
/// </summary>
public sealed class ProductSheet
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("business_number", false, "brn", "business registration number", "사업자등록번호", "사업자번호"),
        new("email", false, "e-mail", "mail", "company email", "이메일", "전자우편", "담당자이메일"),
        new("hs", true, "hs code", "hscode", "hs코드", "품목번호", "hs부호"),
        new("name_ko", true, "product name", "product name ko", "korean name", "제품명", "제품명(국문)", "국문제품명", "품목명"),
        new("name_en", false, "product name en", "english name", "제품명(영문)", "영문제품명"),
    ];

    private static readonly HashSet<string> ProductSheetNames = ["products", "product", "제품", "품목", "제품목록", "품목목록"];

    private readonly Dictionary<string, List<(int Row, ProductRecord Product)>> _byCompany = [];
    private readonly Dictionary<string, List<ImportProblem>> _problemsByCompany = [];
    private readonly Dictionary<string, int> _firstRow = [];
    private readonly HashSet<string> _claimed = [];
    private readonly Sheet? _sheet;
    private readonly string _language;

    private ProductSheet(Sheet? sheet, string language)
    {
        _sheet = sheet;
        _language = language;
    }

    /// <summary>The sheet's name when the workbook has a products sheet, else null.</summary>
    public string? Name => _sheet is null ? null : _sheet.Name ?? "products";

    public int Rows => _sheet?.Rows.Count ?? 0;

    /// <summary>Problems with the sheet as a whole (a missing column) or with rows that name no company.</summary>
    public List<ImportProblem> SheetProblems { get; } = [];

    /// <summary>Reads the workbook's second sheet, if it has one; <paramref name="sheet"/> null gives an empty one.</summary>
    public static ProductSheet Read(Sheet? sheet, string language)
    {
        if (sheet is null) return new ProductSheet(null, language);
        var mapping = ImportColumns.Guess(Columns, sheet.Headers);
        // A second sheet of notes or instructions is not a products sheet: it needs an HS column or a products name.
        if (mapping["hs"] is null && !ProductSheetNames.Contains(ImportColumns.Normalise(sheet.Name ?? ""))) return new ProductSheet(null, language);
        var products = new ProductSheet(sheet, language);
        foreach (var column in Columns.Where(c => c.Required && mapping[c.Name] is null))
            products.SheetProblems.Add(new(1, "products", "missing_column", products.OnSheet(1, "missing_column", column.Name)));
        if (mapping["business_number"] is null && mapping["email"] is null)
            products.SheetProblems.Add(new(1, "products", "missing_column", products.OnSheet(1, "missing_column", "business_number / email")));
        if (products.SheetProblems.Count > 0) return products;

        foreach (var row in sheet.Rows)
        {
            string Cell(string column) => row.Cell(mapping[column]).Trim();
            var digits = ImportValues.BusinessDigits(Cell("business_number"));
            var email = Cell("email").ToLowerInvariant();
            var key = digits.Length > 0 ? NumberKey(digits) : email.Length > 0 ? EmailKey(email) : null;
            if (key is null)
            {
                products.SheetProblems.Add(new(0, "products", "product_without_company", products.OnSheet(row.Number, "product_without_company")));
                continue;
            }
            products._firstRow.TryAdd(key, row.Number);
            var hs = HsCode.DigitsOf(Cell("hs"));
            var (ko, en) = (Cell("name_ko"), Cell("name_en"));
            if (ProductRecord.Problem(hs, ko, en) is { } code)
            {
                var problems = products._problemsByCompany.TryGetValue(key, out var list) ? list : products._problemsByCompany[key] = [];
                problems.Add(new(0, "products", code, products.OnSheet(row.Number, code, code == "invalid_product_hs_code" ? Cell("hs") : $"{ko}/{en}")));
                continue;
            }
            var rows = products._byCompany.TryGetValue(key, out var found) ? found : products._byCompany[key] = [];
            rows.Add((row.Number, new ProductRecord(hs, ko, en)));
        }
        return products;
    }

    /// <summary>
    /// The products the sheet gives the company of one first-sheet row (by its number, else its e-mail), and the problems
    /// of their rows, put on that row.
    /// </summary>
    public (IReadOnlyList<ProductRecord> Products, IReadOnlyList<ImportProblem> Problems) For(int row, string? businessNumber, string? email)
    {
        var keys = new[] { businessNumber is null ? null : NumberKey(businessNumber), email is null ? null : EmailKey(email) }.OfType<string>();
        var products = new List<ProductRecord>();
        var problems = new List<ImportProblem>();
        foreach (var key in keys)
        {
            if (!_claimed.Add(key)) continue;
            if (_byCompany.TryGetValue(key, out var rows)) products.AddRange(rows.Select(r => r.Product));
            if (_problemsByCompany.TryGetValue(key, out var list)) problems.AddRange(list.Select(p => p with { Row = row }));
        }
        return (products, problems);
    }

    /// <summary>After every first-sheet row asked for its products: rows of the sheet whose company is not in the list.</summary>
    public IEnumerable<ImportProblem> Unclaimed() =>
        _firstRow.Where(c => !_claimed.Contains(c.Key)).OrderBy(c => c.Value)
            .Select(c => new ImportProblem(0, "products", "product_company_not_in_list", OnSheet(c.Value, "product_company_not_in_list", c.Key[2..])));

    private string OnSheet(int row, string code, string? argument = null)
    {
        var where = _language.StartsWith("ko", StringComparison.OrdinalIgnoreCase)
            ? $"{_sheet?.Name ?? "제품"} 시트 {row}행" : $"sheet {_sheet?.Name ?? "products"}, row {row}";
        return $"{where}: {ImportMessages.Text(code, _language, argument)}";
    }

    private static string NumberKey(string digits) => "n:" + digits;
    private static string EmailKey(string email) => "e:" + email.ToLowerInvariant();
}
