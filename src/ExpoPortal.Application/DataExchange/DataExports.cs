using System.Globalization;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.DataExchange;

/// <summary>A file to hand back: its bytes, content type and name.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// Exhibitors (with products), participants and the meeting schedule as .csv or .xlsx for the secretariat. The
/// exhibitor and participant lists have the import's columns first, so a list exported and imported again is unchanged.
/// </summary>
public sealed class DataExports(IAppDbContextFactory dbFactory)
{
    public static readonly Error OrganizersOnly = Error.Forbidden("organizers_only", "Only organizers export lists.");

    public static readonly IReadOnlyList<string> MeetingHeaders =
    [
        "date", "start", "end", "hall", "booth", "table", "exhibitor_ko", "exhibitor_en", "participant", "participant_email", "company",
        "country", "status", "interpreter",
    ];

    public async Task<Result<ExportFile>> ExhibitorsAsync(Actor actor, int eventId, SheetFormat format, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var exhibitors = await db.Exhibitors.AsNoTracking().Include(x => x.Booth).Where(x => x.EventId == eventId).OrderBy(x => x.Id).ToListAsync(ct);
        var rows = exhibitors.Select(x => (IReadOnlyList<string>)[.. ExhibitorRecord.From(x).Cells(), x.Booth?.Code ?? string.Empty]);
        return File(format, "exhibitors", [.. ExhibitorRecord.Headers, "booth"], rows);
    }

    public async Task<Result<ExportFile>> ParticipantsAsync(Actor actor, int eventId, SheetFormat format, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        var zone = await ZoneAsync(db, eventId, ct);
        var participants = await db.Participants.AsNoTracking().Where(p => p.EventId == eventId).OrderBy(p => p.Id).ToListAsync(ct);
        return File(format, "participants", ParticipantRecord.Headers, participants.Select(p => ParticipantRecord.From(p, zone).Cells()));
    }

    /// <summary>Meetings that hold a slot or are proposed, by time and booth; all of them, one exhibitor's or one participant's.</summary>
    public async Task<Result<ExportFile>> MeetingsAsync(Actor actor, int eventId, SheetFormat format, int? exhibitorId, int? participantId,
        CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        await using var db = await dbFactory.CreateAsync(ct);
        if (exhibitorId is { } x && !await db.Exhibitors.AnyAsync(e => e.Id == x && e.EventId == eventId, ct))
            return Error.NotFound("exhibitor_not_found", "No such exhibitor in this event.");
        if (participantId is { } p && !await db.Participants.AnyAsync(e => e.Id == p && e.EventId == eventId, ct))
            return Error.NotFound("participant_not_found", "No such participant in this event.");
        var zone = await ZoneAsync(db, eventId, ct);
        var query = db.Meetings.AsNoTracking().Where(m => m.EventId == eventId && m.Status != MeetingStatus.Cancelled && m.Status != MeetingStatus.Declined);
        if (exhibitorId is not null) query = query.Where(m => m.ExhibitorId == exhibitorId);
        if (participantId is not null) query = query.Where(m => m.ParticipantId == participantId);
        var meetings = await query
            .OrderBy(m => m.TimeSlot.StartsAt).ThenBy(m => m.Exhibitor.Booth!.Code).ThenBy(m => m.TableNumber)
            .Select(m => new
            {
                m.TimeSlot.StartsAt, m.TimeSlot.EndsAt, Hall = m.Exhibitor.Booth!.Hall.Code, Booth = m.Exhibitor.Booth!.Code, m.TableNumber,
                NameKo = m.Exhibitor.Name.Ko, NameEn = m.Exhibitor.Name.En, m.Participant.FullName, m.Participant.Email, m.Participant.Company,
                m.Participant.CountryCode, m.Status, Interpreter = m.Interpreter!.FullName,
            })
            .ToListAsync(ct);
        var rows = meetings.Select(m =>
        {
            var start = TimeZoneInfo.ConvertTime(m.StartsAt, zone);
            var end = TimeZoneInfo.ConvertTime(m.EndsAt, zone);
            return (IReadOnlyList<string>)
            [
                start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("HH:mm", CultureInfo.InvariantCulture),
                end.ToString("HH:mm", CultureInfo.InvariantCulture), m.Hall ?? string.Empty, m.Booth ?? string.Empty,
                m.TableNumber.ToString(CultureInfo.InvariantCulture), m.NameKo, m.NameEn, m.FullName, m.Email ?? string.Empty, m.Company,
                m.CountryCode, m.Status.ToString(), m.Interpreter ?? string.Empty,
            ];
        });
        var name = exhibitorId is not null ? $"meetings-exhibitor-{exhibitorId}" : participantId is not null ? $"meetings-participant-{participantId}" : "meetings";
        return File(format, name, MeetingHeaders, rows);
    }

    private static async Task<TimeZoneInfo> ZoneAsync(IAppDbContext db, int eventId, CancellationToken ct) =>
        TimeZoneInfo.FindSystemTimeZoneById(await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstAsync(ct));

    private static ExportFile File(SheetFormat format, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        new(SpreadsheetWriter.Write(format, name, headers, rows), SpreadsheetWriter.ContentType(format), $"{name}.{(format == SheetFormat.Csv ? "csv" : "xlsx")}");
}
