using System.Net;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.DataExchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ExpoPortal.IntegrationTests.DataExchange.ImportTestFiles;

namespace ExpoPortal.IntegrationTests.DataExchange;

/// <summary>An exhibitors workbook whose products come as a second sheet, one per row, keyed by business number or e-mail.</summary>
public sealed class ProductSheetTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private static readonly string[] ProductHeader = ["사업자등록번호", "이메일", "HS코드", "제품명", "제품명(영문)"];
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Products_of_a_second_sheet_join_their_companies_and_a_re_import_changes_nothing()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var workbook = Workbook(
            [Exhibitor("611-11-11111", "sheet-a@test.example", nameKo: "시트식품", products: "220890:안동소주/Andong soju"),
                Exhibitor("", "sheet-b@test.example", nameKo: "번호없는시트", products: "")],
            [["611-11-11111", "", "0902.30", "홍차", "Black tea"], ["", "", "", "", ""], ["611-11-11111", "", "121120", "인삼", "Ginseng"],
                ["", "SHEET-B@test.example", "330499", "수분크림", "Moisture cream"]]);

        var eventId = (await fixture.App.Services.GetRequiredService<ExpoPortal.Application.Events.EventService>().FindAsync(ExpoPortal.Infrastructure.DemoData.AndongDemo.Slug, Ct))!.Id;
        var preview = await fixture.App.Services.GetRequiredService<DataImports>()
            .PreviewAsync(Actor.OrganizerOf("organizer", eventId), eventId, ImportKind.Exhibitors, workbook, "list.xlsx", "en", ct: Ct);
        var first = await CountsAsync(await ImportAsync(client, "exhibitors", workbook, "list.xlsx", false, Ct), Ct);
        var again = await CountsAsync(await ImportAsync(client, "exhibitors", workbook, "list.xlsx", false, Ct), Ct);

        Assert.Equal(("products", 3), preview.Value!.ProductSheet); // what the import page shows under the first rows
        Assert.Empty(preview.Value.Problems);
        Assert.Equal((2, 0, 0), first);
        Assert.Equal((0, 0, 2), again);
        await using var db = await DbAsync();
        var a = await db.Exhibitors.Include(x => x.Products).SingleAsync(x => x.BusinessNumber == "6111111111", Ct);
        Assert.Equal(["220890", "090230", "121120"], a.Products.OrderBy(p => p.Id).Select(p => p.HsCode));
        Assert.Equal("Black tea", a.Products.Single(p => p.HsCode == "090230").Name.En);
        var b = await db.Exhibitors.Include(x => x.Products).SingleAsync(x => x.Contact.Email == "sheet-b@test.example", Ct);
        Assert.Equal(["330499"], b.Products.Select(p => p.HsCode));
    }

    [Fact]
    public async Task A_bad_product_row_is_reported_on_its_company_with_the_sheet_row_and_an_unknown_or_missing_company_on_the_file_and_nothing_is_written()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var workbook = Workbook(
            [Exhibitor("622-22-22222", "sheet-bad@test.example", nameKo: "오류시트식품")],
            [["622-22-22222", "", "9999", "없는류", "No chapter"], ["633-33-33333", "", "090230", "홍차", "Black tea"], ["", "", "121120", "인삼", "Ginseng"]]);

        foreach (var (language, sheetRow) in new[] { ("en", "sheet products, row 2"), ("ko", "products 시트 2행") })
        {
            client.DefaultRequestHeaders.AcceptLanguage.Clear();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var response = await ImportAsync(client, "exhibitors", workbook, "list.xlsx", false, Ct);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var errors = await ErrorsAsync(response, Ct);
            var bad = Assert.Single(errors, e => e.Code == "invalid_product_hs_code");
            Assert.Equal((2, "products"), (bad.Row, bad.Column)); // the company's row in the first sheet
            Assert.StartsWith(sheetRow, bad.Message);
            var unknown = Assert.Single(errors, e => e.Code == "product_company_not_in_list");
            Assert.Equal(0, unknown.Row);
            Assert.Contains("6333333333", unknown.Message);
            var orphan = Assert.Single(errors, e => e.Code == "product_without_company");
            Assert.Equal(0, orphan.Row);
            Assert.Contains(language == "en" ? "row 4" : "4행", orphan.Message);
        }
        await using var db = await DbAsync();
        Assert.False(await db.Exhibitors.AnyAsync(x => x.Contact.Email == "sheet-bad@test.example", Ct));
    }

    [Fact]
    public async Task A_products_sheet_without_an_HS_column_is_refused_by_name_and_a_sheet_of_notes_is_ignored()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var noHs = SpreadsheetWriter.Xlsx([("exhibitors", ExhibitorHeader.Split(','), [Exhibitor("644-44-44444", "sheet-nohs@test.example").Split(',')]),
            ("products", (IReadOnlyList<string>)["business_number", "name_ko"], [["644-44-44444", "홍차"]])]);
        var notes = SpreadsheetWriter.Xlsx([("exhibitors", ExhibitorHeader.Split(','), [Exhibitor("655-55-55555", "sheet-notes@test.example").Split(',')]),
            ("notes", (IReadOnlyList<string>)["note"], [["Sent by the province on 3 March"]])]);

        var refused = await ErrorsAsync(await ImportAsync(client, "exhibitors", noHs, "list.xlsx", true, Ct), Ct);
        var accepted = await CountsAsync(await ImportAsync(client, "exhibitors", notes, "list.xlsx", true, Ct), Ct);

        var missing = Assert.Single(refused);
        Assert.Equal(("missing_column", 1), (missing.Code, missing.Row));
        Assert.Contains("hs", missing.Message);
        Assert.Equal((1, 0, 0), accepted);
    }

    [Fact]
    public async Task The_xlsx_template_has_a_products_sheet_read_by_a_second_library_and_imports_as_it_is()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var template = await client.GetByteArrayAsync($"{Api}/imports/exhibitors/template.xlsx", Ct);

        using (var reader = SecondLibrary.OpenWorkbook(new MemoryStream(template)))
        {
            Assert.Equal(2, reader.ResultsCount);
            Assert.True(reader.NextResult());
            Assert.Equal("products", reader.Name);
            Assert.True(reader.Read());
            Assert.Equal("hs", reader.GetString(2));
        }
        Assert.Equal((1, 0, 0), await CountsAsync(await ImportAsync(client, "exhibitors", template, "template.xlsx", false, Ct), Ct));
        await using var db = await DbAsync();
        var made = await db.Exhibitors.Include(x => x.Products).SingleAsync(x => x.BusinessNumber == "1234567890", Ct);
        Assert.Equal(["220890", "030569", "090230"], made.Products.OrderBy(p => p.Id).Select(p => p.HsCode));
    }

    private static byte[] Workbook(string[] exhibitorRows, IReadOnlyList<string>[] productRows) =>
        SpreadsheetWriter.Xlsx([("exhibitors", ExhibitorHeader.Split(','), exhibitorRows.Select(r => (IReadOnlyList<string>)r.Split(',')).ToList()),
            ("products", ProductHeader, productRows)]);

    private async Task<IAppDbContext> DbAsync() => await fixture.App.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync(Ct);
}
