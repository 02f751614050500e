using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>
/// The portal on its own copy of the demo database with 75 participants who can sign in, each with a signed-in client,
/// for booking races over HTTP. Every test takes its own participants, exhibitors and slots from fixed ranges
/// (<see cref="Crowd"/>, <see cref="Exhibitors"/>, <see cref="Slots"/>), so the tests of a class never collide.
/// </summary>
public abstract class BookingCrowd(PostgresServer postgres) : IAsyncLifetime
{
    public const string MeetingsUrl = $"/api/events/{AndongDemo.Slug}/meetings";
    public const int CrowdSize = 50;
    private const int ParticipantCount = 75;
    private readonly List<HttpClient> _clients = [];

    public ExpoApp App { get; private set; } = null!;
    public int EventId { get; private set; }

    /// <summary>Participants present on every consultation day, speaking English; the first 50 are the crowd.</summary>
    public IReadOnlyList<int> Participants { get; private set; } = [];

    /// <summary>One signed-in client per participant, in the order of <see cref="Participants"/>.</summary>
    public IReadOnlyList<HttpClient> Clients { get; private set; } = [];

    public IReadOnlyList<HttpClient> Crowd => Clients.Take(CrowdSize).ToList();

    /// <summary>Exhibitors with a booth who speak English, in id order.</summary>
    public IReadOnlyList<int> Exhibitors { get; private set; } = [];

    /// <summary>Every consultation slot of the event, in time order.</summary>
    public IReadOnlyList<int> Slots { get; private set; } = [];

    /// <summary>Failed database commands by SQLSTATE, as PostgreSQL reported them to the portal.</summary>
    public FailedCommands Failures { get; } = new();

    protected abstract string IsolationLevel { get; }

    /// <summary>For the negative control: the same portal with the database guard taken away.</summary>
    protected virtual bool Unguarded => false;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.CreateDemoDatabaseAsync();
        App = new ExpoApp(connectionString, settings: new Dictionary<string, string?> { ["Database:IsolationLevel"] = IsolationLevel },
            testServices: services => services.ConfigureDbContext<AppDbContext>(o =>
            {
                o.AddInterceptors(Failures);
                if (Unguarded) o.AddInterceptors(new SlowMeetingInsert());
            }));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var expo = await db.Events.SingleAsync(e => e.Slug == AndongDemo.Slug);
        EventId = expo.Id;
        var slots = await db.TimeSlots.Where(s => s.EventId == expo.Id).OrderBy(s => s.StartsAt).ToListAsync();
        Slots = slots.Select(s => s.Id).ToList();
        var (first, last) = (slots[0].StartsAt, slots[^1].EndsAt);
        var participants = await db.Participants.Where(p => p.EventId == expo.Id && p.ArrivesAt <= first && p.DepartsAt >= last)
            .OrderBy(p => p.Id).Skip(5).Select(p => new { p.Id, p.Languages }).ToListAsync();
        Participants = participants.Where(p => p.Languages.Contains("en")).Take(ParticipantCount).Select(p => p.Id).ToList();
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == expo.Id && x.Booth != null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.Languages }).ToListAsync();
        Exhibitors = exhibitors.Where(x => x.Languages.Contains("en")).Select(x => x.Id).ToList();
        Assert.True(Participants.Count == ParticipantCount && Exhibitors.Count >= 80 && Slots.Count >= 20, "The demo event has too few people for the races.");
        Assert.False(await db.Meetings.AnyAsync(m => m.EventId == expo.Id), "The races start from an event without meetings.");

        // Nobody of the crowd turned an exhibitor down, and nobody reaches a meeting limit in these races.
        var ids = Participants.ToArray();
        await db.MeetingWishes.Where(w => ids.Contains(w.ParticipantId) && w.Level == WishLevel.NotInterested).ExecuteDeleteAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE participants SET max_meetings = 100 WHERE id = ANY({ids})");
        await db.Database.ExecuteSqlAsync($"UPDATE exhibitors SET max_meetings = 100 WHERE event_id = {expo.Id}");
        if (Unguarded)
            await db.Database.ExecuteSqlRawAsync(
                $"DROP INDEX {Constraints.MeetingTableSlot}, {Constraints.MeetingParticipantSlot}, {Constraints.MeetingInterpreterSlot}");

        await CreateSignInsAsync(ids);
        // Signing in is slow on purpose (password hashing): a few at a time, once for all the races.
        var clients = new HttpClient[ids.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => clients[i] = await App.SignInAsync(EmailOf(ids[i])));
        _clients.AddRange(clients);
        Clients = clients;
    }

    public static string EmailOf(int participantId) => $"crowd-{participantId}@expo.test";

    public Task<HttpClient> SignInAsync(int participantId) => App.SignInAsync(EmailOf(participantId)).ContinueWith(t =>
    {
        lock (_clients) _clients.Add(t.Result);
        return t.Result;
    }, TaskScheduler.Default);

    /// <summary>Sign-ins for the participants, sharing one password hash so that set-up does not hash 75 times.</summary>
    private async Task CreateSignInsAsync(int[] participantIds)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var hash = users.PasswordHasher.HashPassword(null!, ExpoApp.DemoPassword);
        foreach (var id in participantIds)
        {
            var user = new ApplicationUser { UserName = EmailOf(id), Email = EmailOf(id), EmailConfirmed = true, DisplayName = $"Crowd {id}", ParticipantId = id, PasswordHash = hash };
            var created = await users.CreateAsync(user);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Participant)).Succeeded);
        }
    }

    public async Task<AppDbContext> DbAsync() =>
        await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// Sends every request at the same moment: each task waits behind one gate until all are ready, then the gate opens.
    /// Answers are (status, problem code); the whole race has a deadline.
    /// </summary>
    public static async Task<IReadOnlyList<(HttpStatusCode Status, string? Code, int? MeetingId)>> RaceAsync(
        IEnumerable<(HttpClient Client, BookMeetingRequest Request)> bookings, CancellationToken ct)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = 0;
        var list = bookings.ToList();
        var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = list.Select(async b =>
        {
            if (Interlocked.Increment(ref ready) == list.Count) allReady.SetResult();
            await gate.Task;
            using var response = await b.Client.PostAsJsonAsync(MeetingsUrl, b.Request, ct);
            return await OutcomeAsync(response);
        }).ToList();
        await allReady.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        gate.SetResult();
        return await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(120), ct);
    }

    public static async Task<(HttpStatusCode Status, string? Code, int? MeetingId)> OutcomeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0 || body[0] != '{') return (response.StatusCode, null, null);
        using var json = JsonDocument.Parse(body);
        var code = json.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        var id = response.IsSuccessStatusCode && json.RootElement.TryGetProperty("id", out var i) ? i.GetInt32() : (int?)null;
        return (response.StatusCode, code, id);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await App.DisposeAsync();
    }
}

public sealed class ReadCommittedCrowd(PostgresServer postgres) : BookingCrowd(postgres)
{
    protected override string IsolationLevel => "ReadCommitted";
}

public sealed class RepeatableReadCrowd(PostgresServer postgres) : BookingCrowd(postgres)
{
    protected override string IsolationLevel => "RepeatableRead";
}

/// <summary>
/// The negative control's portal: the meetings' partial unique indexes dropped in its own copy of the database, and every
/// INSERT INTO meetings held back a little so that the service's own checks race. Test-only: nothing in the product turns
/// the guard off. Under REPEATABLE READ the row locks do not refresh a booking's snapshot, so only the indexes stop a race.
/// </summary>
public sealed class UnguardedCrowd(PostgresServer postgres) : BookingCrowd(postgres)
{
    protected override string IsolationLevel => "RepeatableRead";
    protected override bool Unguarded => true;
}

/// <summary>Holds back each INSERT INTO meetings, widening the window between a booking's checks and its write.</summary>
internal sealed class SlowMeetingInsert : DbCommandInterceptor
{
    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("INSERT INTO meetings", StringComparison.Ordinal))
            await Task.Delay(150, cancellationToken);
        return result;
    }
}

/// <summary>Counts the portal's failed database commands by SQLSTATE (40001 serialization failure, 40P01 deadlock...).</summary>
public sealed class FailedCommands : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();

    public int Count(string sqlState) => _counts.GetValueOrDefault(sqlState);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Exception is PostgresException { SqlState: var state }) _counts.AddOrUpdate(state, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
