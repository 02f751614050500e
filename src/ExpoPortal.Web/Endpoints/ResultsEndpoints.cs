using ExpoPortal.Application.Events;
using ExpoPortal.Application.Results;
using ExpoPortal.Infrastructure.Reports;
using ExpoPortal.Web.Components.Shared;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

public static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapResultsEndpoints(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events/{slug}/reports").RequireAuthorization(Policies.Organizer).WithTags("Results");

        events.MapGet("/results", (string slug, HttpContext http, EventService eventsService, ResultsReport results, CancellationToken ct) =>
                eventsService.ForEventAsync(slug, ct, async expo => (await results.ForEventAsync(http.User.ToActor(), expo.Id, ct)).ToHttp(r => TypedResults.Ok(r))))
            .WithName("ResultsReport")
            .WithSummary("The results report as JSON: consultations held, consultation value, expected contract value, MOUs (count, value), walk-ins and no-shows; in total, by region, industry, buyer country and exhibitor.");

        events.MapGet("/results.xlsx", (string slug, HttpContext http, EventService eventsService, ResultsReport results, CancellationToken ct) =>
                eventsService.ForEventAsync(slug, ct, async expo => (await results.ForEventAsync(http.User.ToActor(), expo.Id, ct)).ToHttp(r =>
                    TypedResults.File(ResultsWorkbook.Write(r, UiLanguage.Current), ResultsWorkbook.ContentType, $"results-{r.Slug}.xlsx"))))
            .RequireRateLimiting(RateLimits.Downloads).WithName("ResultsReportXlsx")
            .WithSummary("The results report as an .xlsx workbook (summary, by region, by industry, by buyer country, per exhibitor), headers in the caller's language.");

        app.MapGet("/api/events/{slug}/live", (string slug, DateOnly? day, int? hall, HttpContext http, EventService eventsService, LiveDashboard live, CancellationToken ct) =>
                eventsService.ForEventAsync(slug, ct, async expo => (await live.DayAsync(http.User.ToActor(), expo.Id, day, hall, ct)).ToHttp(d => TypedResults.Ok(d))))
            .RequireAuthorization(Policies.Organizer).WithTags("Results").WithName("LiveDashboard")
            .WithSummary("The live dashboard of a consultation day (day=yyyy-MM-dd, today or the next day by default), optionally of one hall (hall=id): booked meetings scheduled, checked in, held and no-show per hall and slot, each hall's table-slot utilisation, meetings by exhibitor industry, participants by country. 404 hall_not_found.");
        return app;
    }
}
