using System.Text.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Notifications;

/// <summary>Who a notification goes to: one participant, or one exhibiting company (all its staff).</summary>
public sealed record Party(int? ParticipantId, int? ExhibitorId)
{
    public static Party Participant(int id) => new(id, null);
    public static Party Exhibitor(int id) => new(null, id);
    public static Party? Of(Actor actor) => actor.ParticipantId is { } p ? Participant(p) : actor.ExhibitorId is { } x ? Exhibitor(x) : null;
    public string Key => ParticipantId is { } p ? $"p:{p}" : $"x:{ExhibitorId}";
}

public sealed record NotificationView(int Id, NotificationKind Kind, LocalizedText Title, LocalizedText Body, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>Wakes the mail sender when a notification was written, so mails leave at once rather than at its next poll.</summary>
public sealed class MailOutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Pulse()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Writes notifications (in the caller's transaction, so a booking and its notice commit together), tells open
/// bells after the commit, and reads the bell: unread count, latest, mark read. Mails go out from the outbox
/// (the notification rows) through the mail sender in Infrastructure.
/// </summary>
public sealed class NotificationCenter
{
    private const string BellKind = "bell";
    private readonly IAppDbContextFactory dbFactory;
    private readonly TimeProvider clock;
    private readonly MailOutboxSignal outbox;
    private readonly ILiveBackplane _backplane;
    private readonly LiveTopics<Party> _bells;

    /// <param name="backplane">Rings the bells open on the other instances too.</param>
    public NotificationCenter(IAppDbContextFactory dbFactory, TimeProvider clock, MailOutboxSignal outbox, ILogger<NotificationCenter> logger,
        ILiveBackplane? backplane = null)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.outbox = outbox;
        _bells = new(logger);
        _backplane = backplane ?? new SingleInstanceBackplane();
        _backplane.Receive(BellKind, payload =>
        {
            if (JsonSerializer.Deserialize<Party>(payload) is { } party) _bells.Publish([party.Key], party);
        });
    }

    private void Ring(Party party)
    {
        _bells.Publish([party.Key], party);
        _backplane.Send(BellKind, JsonSerializer.Serialize(party));
    }

    /// <summary>A bell on an open page: called after each new notification for that party.</summary>
    public IDisposable Subscribe(Party party, Func<Task> onNew) => _bells.Subscribe(party.Key, _ => onNew());

    /// <summary>Adds the notification to <paramref name="db"/>; the caller saves (and commits) it with its own change.</summary>
    public async Task AddAsync(IAppDbContext db, int eventId, Party to, NotificationKind kind, LocalizedText title, LocalizedText body, string? link, CancellationToken ct) =>
        Add(db, eventId, to, await LanguageOfAsync(db, to, ct), kind, title, body, link);

    /// <summary><see cref="AddAsync"/> for a caller that has the party's row already (<see cref="LanguageOf(Participant)"/>).</summary>
    public void Add(IAppDbContext db, int eventId, Party to, string language, NotificationKind kind, LocalizedText title, LocalizedText body, string? link) =>
        db.Notifications.Add(new Notification(eventId, to.ParticipantId, to.ExhibitorId, kind, title, body, link, language, clock.GetUtcNow()));

    /// <summary>Korean for a participant who speaks it, else English.</summary>
    public static string LanguageOf(Participant participant) => LanguageSpeaking(participant.Languages);

    /// <summary>Korean for a company from Korea, else English.</summary>
    public static string LanguageOfCountry(string? countryCode) => countryCode == "KR" ? Languages.Korean : Languages.English;

    /// <summary>After the commit: bells ring and the mail sender wakes.</summary>
    public void Committed(params Party[] parties)
    {
        foreach (var party in parties) Ring(party);
        outbox.Pulse();
    }

    /// <summary>A mail to one sign-in of the party only, never shown in the party's bell (an invitation carrying a password link).</summary>
    public async Task SendPersonalAsync(int eventId, Party to, string userId, NotificationKind kind, LocalizedText title, LocalizedText body, string? link, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var language = await LanguageOfAsync(db, to, ct);
        db.Notifications.Add(new Notification(eventId, to.ParticipantId, to.ExhibitorId, kind, title, body, link, language, clock.GetUtcNow(), userId));
        await db.SaveChangesAsync(ct);
        outbox.Pulse();
    }

    /// <summary>Writes and commits notifications on their own (for changes that have no transaction of their own to join).</summary>
    public async Task SendAsync(int eventId, IReadOnlyList<(Party To, NotificationKind Kind, LocalizedText Title, LocalizedText Body, string? Link)> items, CancellationToken ct = default)
    {
        if (items.Count == 0) return;
        await using var db = await dbFactory.CreateAsync(ct);
        foreach (var item in items) await AddAsync(db, eventId, item.To, item.Kind, item.Title, item.Body, item.Link, ct);
        await db.SaveChangesAsync(ct);
        Committed(items.Select(i => i.To).Distinct().ToArray());
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        if (Party.Of(actor) is not { } party) return 0;
        await using var db = await dbFactory.CreateAsync(ct);
        return await Mine(db, party).CountAsync(n => n.ReadAt == null, ct);
    }

    public async Task<IReadOnlyList<NotificationView>> LatestAsync(Actor actor, int take = 20, CancellationToken ct = default)
    {
        if (Party.Of(actor) is not { } party) return [];
        await using var db = await dbFactory.CreateAsync(ct);
        return await Mine(db, party).OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        if (Party.Of(actor) is not { } party) return;
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        await Mine(db, party).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        Ring(party);
    }

    private static IQueryable<Notification> Mine(IAppDbContext db, Party party) =>
        party.ParticipantId is { } p
            ? db.Notifications.AsNoTracking().Where(n => n.ParticipantId == p && n.RecipientUserId == null)
            : db.Notifications.AsNoTracking().Where(n => n.ExhibitorId == party.ExhibitorId && n.RecipientUserId == null);

    /// <summary>
    /// The language a party reads: Korean for Korean companies and for participants who speak Korean (most overseas
    /// member traders), English otherwise (foreign buyers).
    /// </summary>
    private static async Task<string> LanguageOfAsync(IAppDbContext db, Party party, CancellationToken ct) =>
        party.ParticipantId is { } p
            ? LanguageSpeaking(await db.Participants.Where(x => x.Id == p).Select(x => x.Languages).FirstOrDefaultAsync(ct))
            : LanguageOfCountry(await db.Exhibitors.Where(x => x.Id == party.ExhibitorId).Select(x => x.CountryCode).FirstOrDefaultAsync(ct));

    private static string LanguageSpeaking(IEnumerable<string>? spoken) => spoken?.Contains(Languages.Korean) == true ? Languages.Korean : Languages.English;
}
