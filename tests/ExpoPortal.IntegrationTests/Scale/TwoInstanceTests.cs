using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Live;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Matching.Model;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExpoPortal.IntegrationTests.Scale;

/// <summary>
/// Two portal instances on one PostgreSQL database, as behind the sticky proxy (docs/decisions/0006-scale-out.md):
/// live updates cross between them over LISTEN/NOTIFY, bookings from both keep the database's guarantees, a matching
/// run is solved by exactly one of them and followed and cancelled from the other, and a sign-in made on one is good
/// on the other and after a restart.
/// </summary>
public sealed class TwoInstanceTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_booking_on_one_instance_reaches_the_pages_open_on_the_other()
    {
        var (a, b) = await TwoInstancesAsync(await postgres.CreateDemoDatabaseAsync());
        await using var _ = a;
        await using var __ = b;
        var eventId = await EventIdAsync(a);
        var (participantId, exhibitorId, slotId) = await BookablePairAsync(a, eventId);

        var onB = new TaskCompletionSource<SlotChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onA = new TaskCompletionSource<SlotChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pageOnB = b.Services.GetRequiredService<ISlotChanges>().SubscribeToExhibitor(exhibitorId, c => { onB.TrySetResult(c); return Task.CompletedTask; });
        using var pageOnA = a.Services.GetRequiredService<ISlotChanges>().SubscribeToParticipant(participantId, c => { onA.TrySetResult(c); return Task.CompletedTask; });

        var booked = await a.Services.GetRequiredService<MeetingBooking>()
            .BookAsync(TestActors.Secretariat, eventId, new BookMeetingRequest(participantId, exhibitorId, slotId), Ct);
        Assert.True(booked.Succeeded, booked.Error?.Code);

        var heard = await onB.Task.WaitAsync(Deadline, Ct);
        Assert.Equal(new SlotChange(eventId, exhibitorId, participantId, slotId), heard);
        // The booking instance's own pages are told at once, and only once (its own notification is dropped).
        Assert.Equal(heard, await onA.Task.WaitAsync(Deadline, Ct));
    }

    [Fact]
    public async Task Bookings_sent_to_both_instances_at_once_never_double_book_a_table_or_a_person()
    {
        var (a, b) = await TwoInstancesAsync(await postgres.CreateDemoDatabaseAsync());
        await using var _ = a;
        await using var __ = b;
        var eventId = await EventIdAsync(a);
        using var organizerOnA = await a.SignInAsync("organizer@expo.demo");
        using var organizerOnB = await b.SignInAsync("organizer@expo.demo");

        // One booth's slot wanted by 30 people through both instances, and each of those people also wanted
        // by a second booth in the same slot: every table and every person may end up in one meeting at most.
        int exhibitorId, otherExhibitorId, slotId, tables;
        List<int> people;
        await using (var db = await a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            var booths = await db.Exhibitors.Where(x => x.EventId == eventId && x.Booth != null).OrderBy(x => x.Id)
                .Select(x => new { x.Id, x.Booth!.MeetingTables }).Take(2).ToListAsync(Ct);
            (exhibitorId, tables, otherExhibitorId) = (booths[0].Id, booths[0].MeetingTables, booths[1].Id);
            var slot = await db.TimeSlots.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).Skip(3).FirstAsync(Ct);
            slotId = slot.Id;
            people = await db.Participants.Where(p => p.EventId == eventId && p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt)
                .OrderBy(p => p.Id).Select(p => p.Id).Take(30).ToListAsync(Ct);
        }
        using var start = new SemaphoreSlim(0);
        var attempts = people.SelectMany((p, i) => new[]
        {
            (Client: i % 2 == 0 ? organizerOnA : organizerOnB, Participant: p, Exhibitor: exhibitorId),
            (Client: i % 2 == 0 ? organizerOnB : organizerOnA, Participant: p, Exhibitor: otherExhibitorId),
        }).Select(async x =>
        {
            await start.WaitAsync(Ct);
            using var response = await x.Client.PostAsJsonAsync($"/api/events/{AndongDemo.Slug}/meetings",
                new { participantId = x.Participant, exhibitorId = x.Exhibitor, timeSlotId = slotId }, Ct);
            return response.StatusCode;
        }).ToList();
        start.Release(attempts.Count);
        var statuses = await Task.WhenAll(attempts);

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.Contains(statuses, s => s is HttpStatusCode.Created or HttpStatusCode.OK);
        await using var check = await a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var held = await check.Meetings.Where(m => m.TimeSlotId == slotId && MeetingStatuses.HoldingSlot.Contains(m.Status)).ToListAsync(Ct);
        Assert.Equal(statuses.Count(s => s is HttpStatusCode.Created or HttpStatusCode.OK), held.Count(m => people.Contains(m.ParticipantId)));
        Assert.InRange(held.Count(m => m.ExhibitorId == exhibitorId), 1, tables);
        Assert.All(held.GroupBy(m => (m.ExhibitorId, m.TableNumber)), g => Assert.Single(g));
        Assert.All(held.GroupBy(m => m.ParticipantId), g => Assert.Single(g));
    }

    [Fact]
    public async Task A_matching_run_queued_on_one_instance_is_solved_exactly_once_and_followed_and_cancelled_from_the_other()
    {
        var (a, b) = await TwoInstancesAsync(await postgres.CreateDemoDatabaseAsync());
        await using var _ = a;
        await using var __ = b;
        var eventId = await EventIdAsync(a);
        var changesOnB = new ConcurrentQueue<MatchingRunChange>();
        using var pageOnB = b.Services.GetRequiredService<IMatchingRunChanges>().Subscribe(eventId, c => { changesOnB.Enqueue(c); return Task.CompletedTask; });

        // Queued on A: both workers are woken (A at once, B by the notification) and race for it.
        var queued = await a.Services.GetRequiredService<MatchmakingService>().QueueRunAsync(TestActors.Secretariat, eventId, timeLimitSeconds: 2, seed: 3, ct: Ct);
        Assert.True(queued.Succeeded, queued.Error?.Code);
        var finished = await WaitForRunAsync(b, queued.Value, r => !r.IsActive);
        Assert.Equal(MatchingRunStatus.Succeeded, finished.Status);
        Assert.Equal(1, Claimed(a) + Claimed(b));
        var runner = await RunnerOfAsync(a, queued.Value);
        Assert.Equal(Claimed(a) == 1 ? InstanceId(a) : InstanceId(b), runner);
        // B's page heard the run queued, start and finish (whoever solved it).
        Assert.True(changesOnB.Count(c => c.RunId == queued.Value) >= 3, $"B heard {changesOnB.Count} changes");

        // A long run, cancelled from the instance that is not solving it.
        var longRun = await b.Services.GetRequiredService<MatchmakingService>().QueueRunAsync(TestActors.Secretariat, eventId, timeLimitSeconds: 600, seed: 4, ct: Ct);
        Assert.True(longRun.Succeeded, longRun.Error?.Code);
        await WaitForRunAsync(a, longRun.Value, r => r.Status == MatchingRunStatus.Running);
        var solver = await RunnerOfAsync(a, longRun.Value) == InstanceId(a) ? a : b;
        var other = solver == a ? b : a;
        // The other instance shows the solving instance's progress, from its heartbeat.
        var progress = await WaitForRunAsync(other, longRun.Value, r => r.Stage is not null);
        Assert.NotNull(progress.Fraction);

        var cancelled = await other.Services.GetRequiredService<MatchmakingService>().CancelAsync(TestActors.Secretariat, eventId, longRun.Value, Ct);
        Assert.True(cancelled.Succeeded, cancelled.Error?.Code);
        Assert.Equal(MatchingRunStatus.Cancelled, (await WaitForRunAsync(solver, longRun.Value, r => !r.IsActive)).Status);
        // The solving instance noticed and stopped: the event is free for a new run at once, and nothing was written.
        var deadline = DateTime.UtcNow + Deadline;
        while (solver.Services.GetRequiredService<MatchingRunQueue>().Cancel(longRun.Value) && DateTime.UtcNow < deadline) await Task.Delay(100, Ct);
        Assert.False(solver.Services.GetRequiredService<MatchingRunQueue>().Cancel(longRun.Value));
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.Meetings.CountAsync(m => m.MatchingRunId == longRun.Value, Ct));
        Assert.Equal(2, Claimed(a) + Claimed(b));
    }

    [Fact]
    public async Task Claims_racing_from_both_instances_take_a_queued_run_exactly_once()
    {
        var (a, b) = await TwoInstancesAsync(await postgres.CreateDemoDatabaseAsync());
        await using var _ = a;
        await using var __ = b;
        var eventId = await EventIdAsync(a);
        // Queued straight into the table, so that no worker is woken: only the claims below race for it (a worker's
        // poll may join them, and must lose like the others).
        await ExecuteAsync(a.ConnectionString,
            $"INSERT INTO matching_runs (event_id, requested_by, time_limit_seconds, seed, status, queued_at, replan, pinned_meetings) VALUES ({eventId}, 'test', 1, 1, 'Queued', now(), false, 0)");
        using var start = new SemaphoreSlim(0);
        var claims = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync(Ct);
            return await (i % 2 == 0 ? a : b).Services.GetRequiredService<MatchingRunExecutor>().ClaimNextAsync(Ct);
        }).ToList();
        start.Release(claims.Count);
        var claimed = (await Task.WhenAll(claims)).Where(id => id is not null).ToList();
        // A run that is beating is not abandoned.
        await a.Services.GetRequiredService<MatchingRunExecutor>().FailAbandonedRunsAsync(Ct);
        // Every claim, the test's and the workers', counts; exactly one won.
        Assert.Equal(1, Claimed(a) + Claimed(b));
        Assert.True(claimed.Count <= 1);
    }

    [Fact]
    public async Task A_sign_in_from_one_instance_is_good_on_the_other_and_after_a_restart_and_the_keys_are_encrypted_at_rest()
    {
        var database = await postgres.CreateDemoDatabaseAsync();
        await ExecuteAsync(database, "DELETE FROM data_protection_keys");
        var folder = Directory.CreateTempSubdirectory("expo-keys-");
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = Path.Combine(folder.FullName, "keys.pfx"),
            ["DataProtection:CreateCertificate"] = "true",
        };
        string cookie;
        await using (var a = new ExpoApp(database, settings: settings))
        await using (var b = new ExpoApp(database, settings: settings))
        {
            cookie = await SignInCookieAsync(a, "buyer@expo.demo");
            Assert.Equal(HttpStatusCode.OK, await SignedInStatusAsync(a, cookie));
            Assert.Equal(HttpStatusCode.OK, await SignedInStatusAsync(b, cookie));
            Assert.Equal(HttpStatusCode.Unauthorized, await SignedInStatusAsync(b, null));
        }
        await using (var restarted = new ExpoApp(database, settings: settings))
            Assert.Equal(HttpStatusCode.OK, await SignedInStatusAsync(restarted, cookie));

        var keys = await QueryAsync(database, "SELECT xml FROM data_protection_keys");
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml);
            Assert.DoesNotContain("<value>", xml); // the key material itself, as an unprotected key stores it
        });

        // A host without the certificate cannot read the keys, so a copy of the database alone forges nothing.
        var stranger = new Dictionary<string, string?>(settings) { ["DataProtection:CertificatePath"] = Path.Combine(folder.FullName, "other.pfx") };
        await using (var thief = new ExpoApp(database, settings: stranger))
            Assert.Equal(HttpStatusCode.Unauthorized, await SignedInStatusAsync(thief, cookie));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task The_listening_connection_comes_back_after_the_database_drops_it()
    {
        var (a, b) = await TwoInstancesAsync(await postgres.CreateDemoDatabaseAsync());
        await using var _ = a;
        await using var __ = b;
        var eventId = await EventIdAsync(a);
        var (participantId, exhibitorId, slotId) = await BookablePairAsync(a, eventId);
        var listenerOfA = a.Services.GetRequiredService<PostgresLiveBackplane>();

        // What a PostgreSQL restart does to every connection.
        await ExecuteAsync(a.ConnectionString, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'expoportal-live' AND datname = current_database()");
        var deadline = DateTime.UtcNow + Deadline;
        while ((listenerOfA.Reconnects == 0 || !listenerOfA.Listening.IsCompleted) && DateTime.UtcNow < deadline) await Task.Delay(50, Ct);
        Assert.True(listenerOfA.Reconnects >= 1);
        await b.Services.GetRequiredService<PostgresLiveBackplane>().Listening.WaitAsync(Deadline, Ct);

        var onA = new TaskCompletionSource<SlotChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pageOnA = a.Services.GetRequiredService<ISlotChanges>().SubscribeToExhibitor(exhibitorId, c => { onA.TrySetResult(c); return Task.CompletedTask; });
        var booked = await b.Services.GetRequiredService<MeetingBooking>()
            .BookAsync(TestActors.Secretariat, eventId, new BookMeetingRequest(participantId, exhibitorId, slotId), Ct);
        Assert.True(booked.Succeeded, booked.Error?.Code);
        Assert.Equal(slotId, (await onA.Task.WaitAsync(Deadline, Ct)).TimeSlotId);
    }

    private static async Task<(ExpoApp A, ExpoApp B)> TwoInstancesAsync(string database)
    {
        var a = new ExpoApp(database);
        var b = new ExpoApp(database);
        await Task.WhenAll(
            a.Services.GetRequiredService<PostgresLiveBackplane>().Listening.WaitAsync(Deadline, Ct),
            b.Services.GetRequiredService<PostgresLiveBackplane>().Listening.WaitAsync(Deadline, Ct));
        return (a, b);
    }

    private static async Task<int> EventIdAsync(ExpoApp app) =>
        (await app.Services.GetRequiredService<EventService>().FindAsync(AndongDemo.Slug, Ct))!.Id;

    /// <summary>A participant, an exhibitor it can meet (a shared language) and a slot both are free in.</summary>
    private static async Task<(int Participant, int Exhibitor, int Slot)> BookablePairAsync(ExpoApp app, int eventId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var slot = await db.TimeSlots.Where(s => s.EventId == eventId).OrderBy(s => s.StartsAt).Skip(5).FirstAsync(Ct);
        var exhibitor = await db.Exhibitors.Where(x => x.EventId == eventId && x.Booth != null).OrderBy(x => x.Id).FirstAsync(Ct);
        var participants = await db.Participants.Where(p => p.EventId == eventId && p.ArrivesAt <= slot.StartsAt && p.DepartsAt >= slot.EndsAt)
            .OrderByDescending(p => p.Id).Take(200).ToListAsync(Ct);
        var busy = await db.Meetings.Where(m => m.TimeSlotId == slot.Id).Select(m => m.ParticipantId).ToListAsync(Ct);
        var participant = participants.First(p => !busy.Contains(p.Id) && LanguageRules.Shared(p.Languages, exhibitor.Languages));
        return (participant.Id, exhibitor.Id, slot.Id);
    }

    private static int Claimed(ExpoApp app) => app.Services.GetRequiredService<MatchingRunExecutor>().RunsClaimed;

    private static string InstanceId(ExpoApp app) => app.Services.GetRequiredService<PortalInstance>().Id;

    private static async Task<string?> RunnerOfAsync(ExpoApp app, int runId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.MatchingRuns.Where(r => r.Id == runId).Select(r => EF.Property<string?>(r, "Runner")).SingleAsync(Ct);
    }

    private static async Task<MatchingRunView> WaitForRunAsync(ExpoApp app, int runId, Func<MatchingRunView, bool> until)
    {
        var service = app.Services.GetRequiredService<MatchmakingService>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var run = (await service.GetRunAsync(runId, Ct))!;
            if (until(run)) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Run {runId} is {run.Status} ({run.Stage}) after 120 s");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Signs in through the form, keeping the cookies by hand, and returns the sign-in cookie.</summary>
    private static async Task<string> SignInCookieAsync(ExpoApp app, string email)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>();
        void Keep(HttpResponseMessage r)
        {
            foreach (var header in r.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }
        }
        using var page = await client.GetAsync("/account/login", Ct);
        Keep(page);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = ExpoApp.AntiforgeryTokenIn(await page.Content.ReadAsStringAsync(Ct)),
                ["Input.Email"] = email,
                ["Input.Password"] = ExpoApp.DemoPassword,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        using var signedIn = await client.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Keep(signedIn);
        var identity = jar.Single(c => c.Key == "expo.auth");
        return $"{identity.Key}={identity.Value}";
    }

    private static async Task<HttpStatusCode> SignedInStatusAsync(ExpoApp app, string? cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events/{AndongDemo.Slug}/exhibitors?pageSize=1");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct)) rows.Add(reader.GetString(0));
        return rows;
    }
}
