using ExpoPortal.Application.Events;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Infrastructure.Documents;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

/// <summary>The printed directory book and an exhibitor's page of it, for the event's organizers, participants and exhibitors.</summary>
public static class DirectoryBookEndpoints
{
    public static IEndpointRouteBuilder MapDirectoryBookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events/{slug}").RequireAuthorization(Policies.SignedIn).WithTags("Directory book");

        group.MapGet("/directory-book.pdf", (string slug, HttpContext http, EventService events, DirectoryBook book, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo => await PdfAsync(() => book.BookAsync(http.User.ToActor(), expo.Id, ct), $"{slug}-directory-book.pdf")))
            .RequireRateLimiting(RateLimits.Downloads).WithName("DirectoryBookPdf")
            .WithSummary("The directory book as PDF: cover, floor plan per hall, exhibitors by zone and booth, indexes (가나다, A–Z, HS chapter).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");

        group.MapGet("/exhibitors/{id:int}/page.pdf", (string slug, int id, HttpContext http, EventService events, DirectoryBook book, CancellationToken ct) =>
                events.ForEventAsync(slug, ct, async expo => await PdfAsync(() => book.ExhibitorPageAsync(http.User.ToActor(), expo.Id, id, ct), $"{slug}-exhibitor-{id}.pdf")))
            .RequireRateLimiting(RateLimits.Downloads).WithName("ExhibitorPagePdf")
            .WithSummary("One exhibitor's page of the directory book as PDF, with its booth on the plan of its hall.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return app;
    }

    private static async Task<IResult> PdfAsync(Func<Task<Application.Common.Result<byte[]>>> render, string fileName)
    {
        try
        {
            return (await render()).ToHttp(bytes => Results.File(bytes, "application/pdf", fileName));
        }
        catch (PdfFontMissingException missing)
        {
            return Results.Problem(title: missing.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["code"] = "pdf_font_missing" });
        }
    }
}
