using System.Net;
using System.Net.Http.Headers;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.DataExchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ExpoPortal.IntegrationTests.DataExchange.ImportTestFiles;

namespace ExpoPortal.IntegrationTests.DataExchange;

/// <summary>Every row is checked, every problem reported with its row and column, and one bad row writes nothing.</summary>
public sealed class ImportValidationTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> ParticipantCases => new()
    {
        { Participant("", name: "No Mail"), "email", "required" },
        { Participant("not-an-address"), "email", "invalid_email" },
        { Participant("a1@test.example", name: ""), "name", "required" },
        { Participant("a2@test.example", company: new string('x', 201)), "company", "too_long" },
        { Participant("a3@test.example", country: "Atlantis"), "country", "unknown_country" },
        { Participant("a4@test.example", kind: "visitor"), "kind", "unknown_kind" },
        { Participant("a5@test.example", languages: "en;klingon"), "languages", "unknown_language" },
        { Participant("a6@test.example", hs: "0902;7701"), "interests_hs", "invalid_hs_code" },
        { Participant("a7@test.example", hs: "123"), "interests_hs", "invalid_hs_code" },
        { Participant("a8@test.example", scale: "huge"), "import_scale", "unknown_import_scale" },
        { Participant("a9@test.example", arrival: "18/05/2027"), "arrival", "invalid_date" },
        { Participant("a10@test.example", arrival: "2027-05-22", departure: "2027-05-18"), "departure", "departure_before_arrival" },
        { Participant("organizer@expo.demo"), "email", "email_in_use" },
        { Participant("exhibitor@expo.demo"), "email", "email_in_use" },
    };

    [Theory]
    [MemberData(nameof(ParticipantCases))]
    public async Task A_bad_participant_row_is_reported_with_its_code_row_and_column(string row, string column, string code)
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await ImportAsync(client, "participants", Utf8(ParticipantHeader, Participant("fine@test.example"), row), "list.csv", dryRun: true, Ct);

        var problem = Assert.Single(await ErrorsAsync(response, Ct));
        Assert.Equal((3, column, code), (problem.Row, problem.Column, problem.Code));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    public static TheoryData<string, string, string> ExhibitorCases => new()
    {
        { Exhibitor("123-45-678", "x1@test.example"), "business_number", "invalid_business_number" },
        { Exhibitor("", "x2@test.example", nameKo: ""), "name_ko", "required" },
        { Exhibitor("", "x3@test.example", region: "Narnia"), "region", "unknown_region" },
        { Exhibitor("", "x4@test.example", industry: "Spaceships"), "industry", "unknown_industry" },
        { Exhibitor("", "x5@test.example", website: "ftp://files.example"), "website", "invalid_website" },
        { Exhibitor("", "x6@test.example", products: "22:소주/Soju"), "products", "invalid_product_hs_code" },
        { Exhibitor("", "x7@test.example", products: "220890"), "products", "invalid_product" },
        { Exhibitor("", "x8@test.example", products: string.Join(';', Enumerable.Range(0, 31).Select(i => $"2208{i % 10}0:소주{i}"))), "products", "too_many_products" },
        { Exhibitor("", "x9@test.example", languages: "ko;xx"), "languages", "unknown_language" },
        { Exhibitor("", "buyer@expo.demo"), "email", "email_in_use" },
    };

    [Theory]
    [MemberData(nameof(ExhibitorCases))]
    public async Task A_bad_exhibitor_row_is_reported_with_its_code_row_and_column(string row, string column, string code)
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await ImportAsync(client, "exhibitors", Utf8(ExhibitorHeader, Exhibitor("", "ok@test.example"), row), "list.csv", dryRun: true, Ct);

        var problem = Assert.Single(await ErrorsAsync(response, Ct));
        Assert.Equal((3, column, code), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public async Task Duplicates_inside_the_file_name_the_first_row()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var participants = await ImportAsync(client, "participants",
            Utf8(ParticipantHeader, Participant("twice@test.example"), Participant("other@test.example"), Participant("TWICE@test.example")), "list.csv", true, Ct);
        var exhibitors = await ImportAsync(client, "exhibitors",
            Utf8(ExhibitorHeader, Exhibitor("111-11-11111", "one@test.example"), Exhibitor("1111111111", "two@test.example")), "list.csv", true, Ct);

        var p = Assert.Single(await ErrorsAsync(participants, Ct));
        Assert.Equal((4, "email", "duplicate_in_file"), (p.Row, p.Column, p.Code));
        Assert.Contains("2", p.Message);
        var x = Assert.Single(await ErrorsAsync(exhibitors, Ct));
        Assert.Equal((3, "business_number", "duplicate_in_file"), (x.Row, x.Column, x.Code));
    }

    [Fact]
    public async Task An_address_of_a_company_under_another_business_number_clashes_with_the_event()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        await CountsAsync(await ImportAsync(client, "exhibitors", Utf8(ExhibitorHeader, Exhibitor("222-22-22222", "clash@test.example")), "a.csv", false, Ct), Ct);

        var response = await ImportAsync(client, "exhibitors", Utf8(ExhibitorHeader, Exhibitor("333-33-33333", "clash@test.example")), "b.csv", true, Ct);

        Assert.Equal("duplicate_in_event", Assert.Single(await ErrorsAsync(response, Ct)).Code);
    }

    [Fact]
    public async Task A_missing_required_column_is_reported_on_the_header_row()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await ImportAsync(client, "participants", Utf8("email,name,company,kind,city", "m@test.example,M,C,buyer,Seoul"), "list.csv", true, Ct);

        var problem = Assert.Single(await ErrorsAsync(response, Ct));
        Assert.Equal((1, "country", "missing_column"), (problem.Row, problem.Column, problem.Code));
    }

    [Fact]
    public async Task One_bad_row_among_good_ones_writes_nothing_and_every_problem_is_reported()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        var before = await ParticipantCountAsync();

        var response = await ImportAsync(client, "participants",
            Utf8(ParticipantHeader, Participant("good1@test.example"), Participant("bad@", country: "Atlantis"), Participant("good2@test.example"),
                Participant("good3@test.example", hs: "99x")), "list.csv", dryRun: false, Ct);

        var problems = await ErrorsAsync(response, Ct);
        Assert.Equal([(3, "email"), (3, "country"), (5, "interests_hs")], problems.Select(p => (p.Row, p.Column)).ToArray());
        Assert.Equal(before, await ParticipantCountAsync());
    }

    [Fact]
    public async Task Problems_are_told_in_the_callers_language_and_headers_are_guessed_from_Korean()
    {
        using var client = await fixture.App.SignInAsync("organizer@expo.demo");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ko"));

        var response = await ImportAsync(client, "participants",
            Utf8("이메일,이름,회사명,국가,구분,지회,도시,언어,관심품목,수입규모,도착일,출발일", "kr1@test.example,김민수,김상사,미국,회원,LA,LA,한국어;영어,0902,중규모,2027-05-18,2027-05-99"),
            "목록.csv", true, Ct);

        var problem = Assert.Single(await ErrorsAsync(response, Ct));
        Assert.Equal(("출발일", "invalid_date"), (problem.Column, problem.Code));
        Assert.Contains("날짜", problem.Message);
    }

    private async Task<int> ParticipantCountAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IAppDbContextFactory>().CreateAsync(Ct);
        return await db.Participants.CountAsync(Ct);
    }
}
