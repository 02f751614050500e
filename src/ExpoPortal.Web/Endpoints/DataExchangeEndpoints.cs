using System.Globalization;
using ExpoPortal.Application.DataExchange;
using ExpoPortal.Application.Events;
using ExpoPortal.Web.Security;

namespace ExpoPortal.Web.Endpoints;

/// <summary>Spreadsheet imports and exports for organizers. Every route acts only on the event named in the slug.</summary>
public static class DataExchangeEndpoints
{
    public sealed record ImportErrors(IReadOnlyList<ImportProblem> Errors);

    public static IEndpointRouteBuilder MapDataExchangeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events/{slug}").RequireAuthorization(Policies.Organizer).WithTags("Imports and exports");

        // Multipart without an antiforgery token: the sign-in cookie is SameSite=Lax, so no other site can post here as the user.
        group.MapPost("/imports/{kind}", async (string slug, string kind, bool? dryRun, IFormFile? file, HttpContext http, EventService events,
                DataImports imports, CancellationToken ct) =>
            await events.ForEventAsync(slug, ct, async expo =>
            {
                if (ParseKind(kind) is not { } importKind) return ApiProblem.From(Application.Common.Error.NotFound("unknown_import_kind", $"No import of '{kind}'."));
                var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                if (file is null)
                    return TypedResults.UnprocessableEntity(new ImportErrors([new ImportProblem(0, "file", "required", ImportMessages.Text("required", language))]));
                if (file.Length > SpreadsheetReader.MaxBytes)
                    return TypedResults.UnprocessableEntity(new ImportErrors([new ImportProblem(0, "file", "file_too_large", ImportMessages.Text("file_too_large", language))]));
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                var result = await imports.ImportAsync(http.User.ToActor(), expo.Id, importKind, buffer.ToArray(), file.FileName, dryRun ?? false, language, ct: ct);
                return result.ToHttp(outcome => outcome.Succeeded
                    ? TypedResults.Ok(outcome.Counts)
                    : TypedResults.UnprocessableEntity(new ImportErrors(outcome.Problems)));
            }))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportCounts>()
            .Produces<ImportErrors>(StatusCodes.Status422UnprocessableEntity)
            .RequireRateLimiting(RateLimits.Uploads).WithName("ImportList")
            .WithSummary("Import participants or exhibitors (multipart field 'file', .csv or .xlsx): 200 {created, updated, unchanged}, or 422 {errors: [{row, column, code, message}]} with nothing written. dryRun=true only checks. An exhibitors .xlsx may give its products as a second sheet (business_number or email, hs, name_ko, name_en).");

        group.MapGet("/imports/{kind}/template.{format}", async (string slug, string kind, string format, EventService events, CancellationToken ct) =>
                await events.ForEventAsync(slug, ct, expo => Task.FromResult(
                    ParseKind(kind) is { } importKind && ParseFormat(format) is { } sheetFormat
                        ? Results.File(DataImports.Template(importKind, sheetFormat), SpreadsheetWriter.ContentType(sheetFormat), $"{kind}-template.{format}")
                        : (IResult)ApiProblem.From(Application.Common.Error.NotFound("unknown_template", $"No template {kind}.{format}.")))))
            .RequireRateLimiting(RateLimits.Downloads).WithName("ImportTemplate")
            .WithSummary("The import template of participants or exhibitors, as .csv or .xlsx.");

        group.MapGet("/exports/{list}.{format}", async (string slug, string list, string format, int? exhibitorId, int? participantId, HttpContext http,
                EventService events, DataExports exports, CancellationToken ct) =>
            await events.ForEventAsync(slug, ct, async expo =>
            {
                if (ParseFormat(format) is not { } sheetFormat) return ApiProblem.From(Application.Common.Error.NotFound("unknown_format", $"No format '{format}'."));
                var actor = http.User.ToActor();
                var file = list switch
                {
                    "exhibitors" => await exports.ExhibitorsAsync(actor, expo.Id, sheetFormat, ct),
                    "participants" => await exports.ParticipantsAsync(actor, expo.Id, sheetFormat, ct),
                    "meetings" => await exports.MeetingsAsync(actor, expo.Id, sheetFormat, exhibitorId, participantId, ct),
                    _ => Application.Common.Error.NotFound("unknown_export", $"No export of '{list}'."),
                };
                return file.ToHttp(f => Results.File(f.Content, f.ContentType, $"{expo.Slug}-{f.FileName}"));
            }))
            .WithName("ExportList")
            .WithSummary("Exhibitors (with products), participants or meetings (?exhibitorId= or ?participantId= for one side's) as .csv (UTF-8 with BOM) or .xlsx; cells that a spreadsheet would evaluate are written as text.");
        return app;
    }

    private static ImportKind? ParseKind(string kind) => kind switch
    {
        "participants" => ImportKind.Participants,
        "exhibitors" => ImportKind.Exhibitors,
        _ => null,
    };

    private static SheetFormat? ParseFormat(string format) => format switch
    {
        "csv" => SheetFormat.Csv,
        "xlsx" => SheetFormat.Xlsx,
        _ => null,
    };
}
