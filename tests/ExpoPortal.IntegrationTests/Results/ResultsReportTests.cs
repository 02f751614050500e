using System.Data;
using System.Net;
using ExcelDataReader;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Results;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.IntegrationTests.Desk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Results;

/// <summary>The results report on the past edition the demo loads, as JSON, on the page's service and as .xlsx read back by a second library.</summary>
public sealed class ResultsReportTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private ResultsReport Report => fixture.App.Services.GetRequiredService<ResultsReport>();

    [Fact]
    public async Task The_past_edition_lands_near_the_published_figures()
    {
        var report = (await Report.ForEventAsync(DeskTestData.Organizer, await EventIdAsync(AndongPastEdition.Slug), Ct)).Value;

        // Published for Andong 2025: about 2,010 consultations at 256 booths, 903 members from 51 countries,
        // about 100 buyers from 13 countries, 120 MOUs worth USD 21.2 million.
        Assert.InRange(report.Totals.Consultations, 1_950, 2_070);
        Assert.Equal(256, report.Turnout.Booths);
        Assert.Equal((903, 51), (report.Turnout.Members, report.Turnout.MemberCountries));
        Assert.InRange(report.Turnout.Buyers, 95, 105);
        Assert.Equal(13, report.Turnout.BuyerCountries);
        Assert.Equal(120, report.Totals.Mous);
        Assert.InRange(report.Totals.MouValueUsd, 21_100_000m, 21_300_000m);
        Assert.True(report.Totals.WalkIns > 0);
        Assert.True(report.Totals.ConsultationValueUsd > report.Totals.ExpectedContractValueUsd);
        Assert.True(report.Totals.ExpectedContractValueUsd >= report.Totals.MouValueUsd);
        // Every breakdown adds up to the total.
        Assert.Equal(report.Totals.Consultations, report.ByRegion.Sum(r => r.Consultations));
        Assert.Equal(report.Totals.Consultations, report.ByIndustry.Sum(r => r.Consultations));
        Assert.Equal(report.Totals.Consultations, report.ByBuyerCountry.Sum(r => r.Consultations));
        Assert.Equal(report.Totals.MouValueUsd, report.ByExhibitor.Sum(r => r.MouValueUsd));
        Assert.Equal(["host", "other", "overseas"], report.ByRegion.Select(r => r.Key));
        Assert.True(report.ByRegion[0].Consultations > 0);
    }

    [Fact]
    public void The_past_edition_is_the_same_every_time()
    {
        static string Describe(PastEdition e) => string.Join(";", e.Meetings.Take(50).Select(m =>
            $"{m.Participant.FullName}|{m.Exhibitor.Name.En}|{m.Slot.StartsAt:O}|{m.Table}|{m.Origin}|{m.Outcome?.ConsultationValueUsd}|{m.Outcome?.MouValueUsd}"));

        Assert.Equal(Describe(AndongPastEdition.Generate()), Describe(AndongPastEdition.Generate()));
        Assert.Equal(AndongPastEdition.MouTotalUsd, AndongPastEdition.Generate().Meetings.Sum(m => m.Outcome?.MouValueUsd ?? 0m));
    }

    [Fact]
    public async Task The_xlsx_reads_back_with_a_second_library_with_the_same_totals()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        var response = await organizer.GetAsync($"/api/events/{AndongPastEdition.Slug}/reports/results.xlsx", Ct);
        var report = (await Report.ForEventAsync(DeskTestData.Organizer, await EventIdAsync(AndongPastEdition.Slug), Ct)).Value;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        using var reader = SecondLibrary.OpenWorkbook(stream);
        var book = ReadAll(reader);
        var summary = book.Tables["Summary"]!;
        string Cell(DataTable t, int row, int col) => Convert.ToString(t.Rows[row][col], System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var figures = Enumerable.Range(0, summary.Rows.Count).ToDictionary(i => Cell(summary, i, 0), i => Cell(summary, i, 1));
        Assert.Equal(report.Totals.Consultations.ToString(), figures["Consultations held"]);
        Assert.Equal(report.Totals.Mous.ToString(), figures["MOUs signed"]);
        Assert.Equal(report.Totals.MouValueUsd, decimal.Parse(figures["MOU value (USD)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Summary", "By region", "By industry", "By buyer country", "Per exhibitor"], book.Tables.Cast<DataTable>().Select(t => t.TableName));
        var perExhibitor = book.Tables["Per exhibitor"]!;
        Assert.Equal(report.ByExhibitor.Count + 1, perExhibitor.Rows.Count);
        Assert.Equal(report.Totals.Consultations, Enumerable.Range(1, perExhibitor.Rows.Count - 1).Sum(i => Convert.ToInt32(perExhibitor.Rows[i][1])));
    }

    [Fact]
    public async Task Only_organizers_get_the_report_and_an_unknown_event_is_404()
    {
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        using var exhibitor = await fixture.App.SignInAsync("exhibitor@expo.demo");
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        using var anonymous = fixture.App.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.GetAsync($"/api/events/{AndongPastEdition.Slug}/reports/results.xlsx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await exhibitor.GetAsync($"/api/events/{AndongPastEdition.Slug}/reports/results", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/events/{AndongPastEdition.Slug}/reports/results.xlsx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync("/api/events/no-such-expo/reports/results.xlsx", Ct)).StatusCode);
        var refused = await Report.ForEventAsync(DeskTestData.ExhibitorActor(1), await EventIdAsync(AndongPastEdition.Slug), Ct);
        Assert.Equal("organizers_only", refused.Error?.Code);
    }

    [Fact]
    public async Task A_walk_in_registered_at_the_desk_counts_in_the_results_of_its_event()
    {
        var data = new DeskTestData(fixture.App);
        var eventId = await data.EventIdAsync(Ct);
        var day = await data.DayOneAsync(Ct);
        var (exhibitor, _, visitors) = await data.BoothWithVisitorsAsync(skip: 3, Ct);
        var before = (await Report.ForEventAsync(DeskTestData.Organizer, eventId, Ct)).Value;

        var walkIn = await data.BookingAt(day[5].StartsAt.AddMinutes(3)).WalkInAsync(DeskTestData.Organizer, eventId, new WalkInRequest(visitors[0], exhibitor), Ct);
        var after = (await Report.ForEventAsync(DeskTestData.Organizer, eventId, Ct)).Value;

        Assert.True(walkIn.Succeeded, walkIn.Error?.Code);
        Assert.Equal(before.Totals.Consultations + 1, after.Totals.Consultations);
        Assert.Equal(before.Totals.WalkIns + 1, after.Totals.WalkIns);
        Assert.Contains(after.ByExhibitor, r => r.Key == exhibitor.ToString() && r.WalkIns == 1);
    }

    /// <summary>Every sheet as a table (what ExcelDataReader.DataSet's AsDataSet does, without its extra package).</summary>
    private static DataSet ReadAll(IExcelDataReader reader)
    {
        var book = new DataSet();
        do
        {
            var table = new DataTable(reader.Name);
            while (reader.Read())
            {
                while (table.Columns.Count < reader.FieldCount) table.Columns.Add();
                var row = table.NewRow();
                for (var c = 0; c < reader.FieldCount; c++) row[c] = reader.GetValue(c) ?? DBNull.Value;
                table.Rows.Add(row);
            }
            book.Tables.Add(table);
        } while (reader.NextResult());
        return book;
    }

    private async Task<int> EventIdAsync(string slug)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ExpoPortal.Infrastructure.Persistence.AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync(Ct);
    }
}
