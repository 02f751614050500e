using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Venues;
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
        var halls = await db.Halls.AsNoTracking().Where(h => h.EventId == eventId).ToListAsync(ct);
        var booths = await db.Booths.AsNoTracking().Include(b => b.Hall).Where(b => b.EventId == eventId).ToListAsync(ct);
        var query = db.Exhibitors.AsNoTracking().Include(x => x.Products).Include(x => x.Booth).ThenInclude(b => b!.Hall).Where(x => x.EventId == eventId);
        var exhibitors = await query.OrderBy(x => x.Id).AsSplitQuery().ToListAsync(ct);
        // The contact person is printed only with a staff member's consent to the directory book (PIPA art. 17).
        var exhibitorIds = exhibitors.Select(x => x.Id).ToList();
        var consented = (await Privacy.Consents.ExhibitorsWhoseStaffGrant(db, Domain.Privacy.ConsentPurposes.DirectoryBook)
            .Where(id => exhibitorIds.Contains(id)).Distinct().ToListAsync(ct)).ToHashSet();
        var book = Compose(e, halls, booths, exhibitors, consented);
        return onlyExhibitor is { } id ? book with { Exhibitors = book.Exhibitors.Where(x => x.Id == id).ToList() } : book;
    }

    /// <summary>
    /// The book's data from the entities (read from the database, or the demo generator's in memory for the benchmark;
    /// unsaved entities have no ids yet, so they are numbered in order).
    /// </summary>
    /// <param name="contactConsented">Exhibitors whose contact person may be printed; null prints every contact (generated data).</param>
    public static DirectoryBookData Compose(Event e, IEnumerable<Hall> halls, IEnumerable<Booth> booths, IReadOnlyList<Exhibitor> exhibitors,
        IReadOnlySet<int>? contactConsented = null)
    {
        var ids = exhibitors.Select((x, i) => (x, Id: x.Id != 0 ? x.Id : i + 1)).ToList();
        var holders = ids.Where(t => t.x.Booth is not null).ToDictionary(t => (t.x.Booth!.Hall.Code, t.x.Booth!.Code), t => t.Id);
        var boothList = booths.ToList();
        return new DirectoryBookData(e.Name, e.Venue, e.City, e.StartDate, e.EndDate,
            halls.OrderBy(h => h.Code, StringComparer.Ordinal).Select(h => new BookHall(h.Code, h.Name, h.Columns, h.Rows, boothList
                .Where(b => b.Hall.Code == h.Code).OrderBy(b => b.Code, StringComparer.Ordinal)
                .Select(b => new BookBooth(b.Code, b.Position.X, b.Position.Y, b.Position.Width, b.Position.Height, b.Zone,
                    holders.TryGetValue((h.Code, b.Code), out var holder) ? holder : null)).ToList())).ToList(),
            ids.Select(t => new BookExhibitor(t.Id, t.x.Name, IndustryNames.Of(t.x.Industry),
                new LocalizedText(Regions.NameOf(t.x.CountryCode, t.x.ProvinceCode, "ko"), Regions.NameOf(t.x.CountryCode, t.x.ProvinceCode, "en")),
                t.x.City, t.x.Booth?.Code, t.x.Booth?.Hall.Code, t.x.Booth?.Zone,
                t.x.Products.OrderBy(p => p.HsCode, StringComparer.Ordinal).Select(p => new BookProduct(p.Name, p.HsCode)).ToList(),
                t.x.Certifications, t.x.Languages,
                Printed(t.Id) ? t.x.Contact.Name : string.Empty, Printed(t.Id) ? t.x.Contact.Email : string.Empty, Printed(t.Id) ? t.x.Contact.Phone : null,
                t.x.Website)).ToList());

        bool Printed(int id) => contactConsented is null || contactConsented.Contains(id);
    }
}
