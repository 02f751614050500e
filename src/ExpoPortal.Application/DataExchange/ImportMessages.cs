namespace ExpoPortal.Application.DataExchange;

/// <summary>
/// The texts of import problems in Korean and English. They live beside the codes because the API answers in the
/// caller's language too, not only the page.
/// </summary>
public static class ImportMessages
{
    private static readonly Dictionary<string, (string Ko, string En)> Texts = new()
    {
        ["file_too_large"] = ("파일이 너무 큽니다 (최대 10MB).", "The file is too large (at most 10 MB)."),
        ["too_many_rows"] = ("행이 너무 많습니다 (최대 20,000행).", "The file has too many rows (at most 20,000)."),
        ["empty_file"] = ("파일에 데이터가 없습니다.", "The file holds no data."),
        ["not_xlsx"] = ("올바른 .xlsx 파일이 아닙니다.", "The file is not a valid .xlsx workbook."),
        ["not_csv"] = ("CSV 텍스트 파일이 아닙니다.", "The file is not a CSV text file."),
        ["unsupported_file_type"] = (".csv 또는 .xlsx 파일만 올릴 수 있습니다.", "Only .csv and .xlsx files can be imported."),
        ["missing_column"] = ("필수 열이 없습니다: {0}", "A required column is missing: {0}"),
        ["required"] = ("필수 값이 비어 있습니다.", "A required value is empty."),
        ["too_long"] = ("값이 너무 깁니다 (최대 {0}자).", "The value is too long (at most {0} characters)."),
        ["invalid_email"] = ("올바른 이메일 주소가 아닙니다: {0}", "Not a valid e-mail address: {0}"),
        ["unknown_country"] = ("알 수 없는 국가입니다: {0}", "Unknown country: {0}"),
        ["unknown_language"] = ("알 수 없는 언어입니다: {0}", "Unknown language: {0}"),
        ["unknown_kind"] = ("참가 구분은 member(회원) 또는 buyer(바이어)입니다: {0}", "The kind is member or buyer: {0}"),
        ["unknown_industry"] = ("알 수 없는 업종입니다: {0}", "Unknown industry: {0}"),
        ["unknown_import_scale"] = ("수입 규모는 small, medium, large, xlarge 중 하나입니다: {0}", "The import scale is small, medium, large or xlarge: {0}"),
        ["unknown_region"] = ("알 수 없는 지역입니다 (예: 경상북도, Gyeongsangbuk-do, KR-47): {0}", "Unknown region (e.g. 경상북도, Gyeongsangbuk-do, KR-47): {0}"),
        ["invalid_hs_code"] = ("HS 코드는 실제 류 아래의 2, 4 또는 6자리 숫자입니다: {0}", "An HS code has 2, 4 or 6 digits under a real chapter: {0}"),
        ["invalid_product_hs_code"] = ("제품의 HS 코드는 실제 류 아래의 4 또는 6자리 숫자입니다: {0}", "A product's HS code has 4 or 6 digits under a real chapter: {0}"),
        ["invalid_product"] = ("제품은 hs:국문명/영문명 형식입니다: {0}", "A product is written hs:name_ko/name_en: {0}"),
        ["too_many_products"] = ("제품은 최대 {0}개입니다.", "At most {0} products."),
        ["product_without_company"] = ("사업자등록번호나 이메일로 회사를 지정해야 합니다.", "A product row names its company by business number or e-mail."),
        ["product_company_not_in_list"] = ("첫 번째 시트에 없는 회사입니다: {0}", "The company is not in the first sheet: {0}"),
        ["invalid_date"] = ("날짜는 YYYY-MM-DD 형식입니다: {0}", "A date is written YYYY-MM-DD: {0}"),
        ["departure_before_arrival"] = ("출발일이 도착일보다 빠릅니다.", "The departure is before the arrival."),
        ["invalid_website"] = ("올바른 웹 주소가 아닙니다: {0}", "Not a web address: {0}"),
        ["invalid_business_number"] = ("사업자등록번호는 10자리 숫자입니다: {0}", "A business registration number has 10 digits: {0}"),
        ["duplicate_in_file"] = ("파일의 {0}행과 중복됩니다.", "Duplicates row {0} of the file."),
        ["duplicate_in_event"] = ("이 행사의 다른 참가 기업과 겹칩니다: {0}", "Clashes with another exhibitor of this event: {0}"),
        ["email_in_use"] = ("이 이메일은 다른 계정이 사용 중입니다: {0}", "This e-mail belongs to another account: {0}"),
        ["import_conflict"] = ("다른 가져오기와 동시에 실행되었습니다. 다시 시도하세요.", "Another import ran at the same time; try again."),
    };

    public static string Text(string code, string language, string? argument = null)
    {
        var (ko, en) = Texts.TryGetValue(code, out var t) ? t : (code, code);
        var text = language.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? ko : en;
        return string.Format(text, argument ?? string.Empty);
    }

    public static IReadOnlyCollection<string> Codes => Texts.Keys;
}
