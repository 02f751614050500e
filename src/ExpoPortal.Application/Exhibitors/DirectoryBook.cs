using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Exhibitors;

public sealed record BookProduct(LocalizedText Name, string HsCode);

/// <summary>One company as the printed directory shows it.</summary>
public sealed record BookExhibitor(
    int Id, LocalizedText Name, LocalizedText Industry, LocalizedText Region, LocalizedText City, string? BoothCode, string? HallCode, string? Zone,
    IReadOnlyList<BookProduct> Products, IReadOnlyList<string> Certifications, IReadOnlyList<string> Languages,
    string ContactName, string ContactEmail, string? ContactPhone, string? Website);

public sealed record BookBooth(string Code, int X, int Y, int Width, int Height, string Zone, int? ExhibitorId);

public sealed record BookHall(string Code, LocalizedText Name, int Columns, int Rows, IReadOnlyList<BookBooth> Booths);

/// <summary>Everything the directory book prints, read in one go.</summary>
public sealed record DirectoryBookData(
    LocalizedText EventName, LocalizedText Venue, LocalizedText City, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<BookHall> Halls, IReadOnlyList<BookExhibitor> Exhibitors);

/// <summary>Turns the book's data into a document (a PDF in Infrastructure); the Application layer needs no PDF library.</summary>
public interface IDirectoryBookRenderer
{
    /// <summary>The whole book: cover, one floor plan per hall, exhibitors by zone and booth, indexes.</summary>
    byte[] RenderBook(DirectoryBookData book);

    /// <summary>One page for one exhibitor of the book.</summary>
    byte[] RenderExhibitorPage(DirectoryBookData book, BookExhibitor exhibitor);
}

/// <summary>
/// The printed directory book of an event and an exhibitor's page of it. Readers: the event's organizers and the
/// event's own participants and exhibitors (the same people who read the directory on screen, but of that event only).
/// </summary>
public sealed class DirectoryBook(IAppDbContextFactory dbFactory, IDirectoryBookRenderer renderer)
{
    public static readonly Error NotReader = Error.Forbidden("not_event_member", "The directory book is for the event's organizers, participants and exhibitors.");
    public static readonly Error ExhibitorNotFound = Error.NotFound("exhibitor_not_found", "No such exhibitor in this event.");

    public async Task<Result<byte[]>> BookAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await MayReadAsync(db, actor, eventId, ct)) return NotReader;
        return renderer.RenderBook(await LoadAsync(db, eventId, null, ct));
    }

    public async Task<Result<byte[]>> ExhibitorPageAsync(Actor actor, int eventId, int exhibitorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await MayReadAsync(db, actor, eventId, ct)) return NotReader;
        var book = await LoadAsync(db, eventId, exhibitorId, ct);
        return book.Exhibitors.FirstOrDefault(x => x.Id == exhibitorId) is { } exhibitor
            ? renderer.RenderExhibitorPage(book, exhibitor)
            : ExhibitorNotFound;
    }

    /// <summary>The book's data, for the benchmark and tests as well.</summary>
    public async Task<DirectoryBookData> DataAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await LoadAsync(db, eventId, null, ct);
    }

    private static async Task<bool> MayReadAsync(IAppDbContext db, Actor actor, int eventId, CancellationToken ct)
    {
        if (actor.Organizes(eventId)) return true;
        if (actor.ParticipantId is { } participantId && await db.Participants.AnyAsync(p => p.Id == participantId && p.EventId == eventId, ct)) return true;
        return actor.ExhibitorId is { } exhibitorId && await db.Exhibitors.AnyAsync(x => x.Id == exhibitorId && x.EventId == eventId, ct);
    }

    private static async Task<DirectoryBookData> LoadAsync(IAppDbContext db, int eventId, int? onlyExhibitor, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == eventId, ct);
        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).OrderBy(h => h.Code).ToListAsync(ct);
        var booths = await db.Booths.AsNoTracking().Where(b => b.EventId == eventId).OrderBy(b => b.Code)
            .Select(b => new { b.Id, b.HallId, b.Code, b.Position, b.Zone }).ToListAsync(ct);
        var query = db.Exhibitors.AsNoTracking().Include(x => x.Products).Include(x => x.Booth).ThenInclude(b => b!.Hall).Where(x => x.EventId == eventId);
        if (onlyExhibitor is { } id) query = query.Where(x => x.Id == id);
        var exhibitors = await query.OrderBy(x => x.Id).AsSplitQuery().ToListAsync(ct);
        var holders = exhibitors.Where(x => x.BoothId != null).ToDictionary(x => x.BoothId!.Value, x => x.Id);

        return new DirectoryBookData(e.Name, e.Venue, e.City, e.StartDate, e.EndDate,
            halls.Select(h => new BookHall(h.Code, h.Name, h.Columns, h.Rows, booths.Where(b => b.HallId == h.Id)
                .Select(b => new BookBooth(b.Code, b.Position.X, b.Position.Y, b.Position.Width, b.Position.Height, b.Zone,
                    holders.TryGetValue(b.Id, out var holder) ? holder : null)).ToList())).ToList(),
            exhibitors.Select(x => new BookExhibitor(x.Id, x.Name, IndustryNames.Of(x.Industry),
                new LocalizedText(Regions.NameOf(x.CountryCode, x.ProvinceCode, "ko"), Regions.NameOf(x.CountryCode, x.ProvinceCode, "en")),
                x.City, x.Booth?.Code, x.Booth?.Hall.Code, x.Booth?.Zone,
                x.Products.OrderBy(p => p.HsCode).ThenBy(p => p.Id).Select(p => new BookProduct(p.Name, p.HsCode)).ToList(),
                x.Certifications, x.Languages, x.Contact.Name, x.Contact.Email, x.Contact.Phone, x.Website)).ToList());
    }
}
