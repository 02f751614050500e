using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ExpoPortal.Infrastructure.DemoData;

namespace ExpoPortal.IntegrationTests.DataExchange;

/// <summary>Lists as the secretariat gets them, and the calls that import them.</summary>
internal static class ImportTestFiles
{
    public const string Api = $"/api/events/{AndongDemo.Slug}";
    public const string ParticipantHeader = "email,name,company,country,kind,chapter,city,languages,interests_hs,import_scale,arrival,departure";
    public const string ExhibitorHeader = "business_number,email,name_ko,name_en,region,city,industry,languages,website,contact_name,contact_phone,products";

    static ImportTestFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Participant(string email, string name = "Jane Doe", string company = "Doe Imports", string country = "US", string kind = "buyer",
        string chapter = "", string city = "Los Angeles", string languages = "en", string hs = "0902", string scale = "medium",
        string arrival = "2027-05-18", string departure = "2027-05-22") =>
        string.Join(',', new[] { email, name, company, country, kind, chapter, city, languages, hs, scale, arrival, departure }.Select(Quote));

    public static string Exhibitor(string number, string email, string nameKo = "테스트식품", string nameEn = "Test Foods", string region = "경상북도",
        string city = "안동시/Andong", string industry = "가공식품", string languages = "ko;en", string website = "https://test.example",
        string contact = "홍길동", string phone = "054-000-0000", string products = "220890:안동소주/Andong soju;030569:간고등어/Salted mackerel") =>
        string.Join(',', new[] { number, email, nameKo, nameEn, region, city, industry, languages, website, contact, phone, products }.Select(Quote));

    public static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static byte[] Utf8Bom(params string[] lines) => [0xEF, 0xBB, 0xBF, .. Utf8(lines)];

    public static byte[] Cp949(params string[] lines) => Encoding.GetEncoding(949).GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string kind, byte[] content, string fileName, bool dryRun, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"{Api}/imports/{kind}?dryRun={(dryRun ? "true" : "false")}", form, ct);
    }

    public static async Task<(int Created, int Updated, int Unchanged)> CountsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (root.GetProperty("created").GetInt32(), root.GetProperty("updated").GetInt32(), root.GetProperty("unchanged").GetInt32());
    }

    public sealed record Problem(int Row, string Column, string Code, string Message);

    public static async Task<IReadOnlyList<Problem>> ErrorsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True((int)response.StatusCode == 422, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => new Problem(e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("code").GetString()!,
                e.GetProperty("message").GetString()!))
            .ToList();
    }

    /// <summary>Reads an .xlsx with ExcelDataReader, a second library beside the ClosedXML that wrote it.</summary>
    public static List<string[]> ReadXlsx(byte[] content)
    {
        using var reader = SecondLibrary.OpenWorkbook(new MemoryStream(content));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            rows.Add(row);
        }
        return rows;
    }
}
