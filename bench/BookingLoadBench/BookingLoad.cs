using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.BenchHarness;
using Npgsql;

namespace ExpoPortal.BookingLoadBench;

/// <param name="Participants">Simulated people, each with a real sign-in (at most the demo's 1,000).</param>
/// <param name="AttemptsEach">Bookings each person tries, on distinct exhibitors drawn by popularity.</param>
/// <param name="InFlight">Requests in flight at once (workers).</param>
/// <param name="Zipf">Popularity skew: exhibitor of rank r (1 = most wanted) is chosen with weight 1/r^s.</param>
/// <param name="RatePerSecond">Paced arrivals (attempts started per second); null = as fast as the workers go.</param>
/// <param name="RestartDatabase">The fault of issue 11 §4.1: PostgreSQL stopped with -m immediate mid-run, started again.</param>
public sealed record LoadOptions
{
    public int Participants { get; init; } = 1000;
    public int AttemptsEach { get; init; } = 5;
    public int InFlight { get; init; } = 200;
    public double Zipf { get; init; } = 1.0;
    public int Seed { get; init; } = 1;
    public double? RatePerSecond { get; init; }
    public bool Durable { get; init; } = true;
    public string? ConnectionOptions { get; init; }
    public int SignInParallelism { get; init; } = 4;
    /// <summary>Booking attempts before the measured phase (booked ones are cancelled again); 20 measures a nearly cold portal.</summary>
    public int WarmUpAttempts { get; init; } = 20;
    public bool RestartDatabase { get; init; }
    public double KillAfterSeconds { get; init; } = 5;
    public double DownSeconds { get; init; } = 5;
    public IReadOnlyDictionary<string, string> PortalSettings { get; init; } = new Dictionary<string, string>();
    /// <summary>pg_stat_statements on: the measured phase's ten dearest statements are printed and kept in the figures.</summary>
    public bool StatementStatistics { get; init; }
}

/// <summary>One booking attempt as the client saw it.</summary>
public sealed class Attempt(int index, int participantId, int exhibitorId, int slotId, double dueSeconds)
{
    public int Index { get; } = index;
    public int ParticipantId { get; } = participantId;
    public int ExhibitorId { get; } = exhibitorId;
    public int SlotId { get; } = slotId;
    public string Key { get; } = Guid.NewGuid().ToString("N");
    public double DueSeconds { get; } = dueSeconds;
    public double StartedSeconds { get; set; }
    public double LatencyMs { get; set; }
    /// <summary>HTTP status, or 0 when no answer came (connection refused, reset, timeout).</summary>
    public int Status { get; set; }
    /// <summary>"booked", a refusal's code (slot_taken...), "http_500", or "no_answer:IOException".</summary>
    public string Outcome { get; set; } = "";
    public int? MeetingId { get; set; }
    public bool Definitive => Status is >= 200 and < 500;
    public bool Booked => Status == 201;
}

public static class BookingLoad
{
    private static readonly string Holding = "status NOT IN ('Declined', 'Cancelled')";

    public static async Task<Dictionary<string, object?>> RunAsync(LoadOptions options, Action<string> log, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        await using var portal = await PortalHarness.StartAsync(options.Durable, options.ConnectionOptions, options.PortalSettings, log, ct,
            options.StatementStatistics);

        // ---- before the measured phase: sign-ins, and what there is to book ----
        var people = await portal.EnsureParticipantSignInsAsync(options.Participants, ct);
        var signInWatch = Stopwatch.StartNew();
        var sessions = new ConcurrentDictionary<int, Session>();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = options.SignInParallelism, CancellationToken = ct },
            async (p, token) => sessions[p.ParticipantId] = await portal.SignInAsync(p.ParticipantId, p.Email, token));
        var signInSeconds = signInWatch.Elapsed.TotalSeconds;
        log($"{sessions.Count} participants signed in through the sign-in form in {signInSeconds:0.0} s");

        var (eventId, exhibitors, slots) = await ReadEventAsync(portal, ct);
        var attempts = Plan(options, people.Select(p => p.ParticipantId).ToList(), exhibitors, slots);
        // Warm-up, not measured: a portal that has been up all morning has compiled its queries and its code (the tiered
        // JIT's second pass). Its bookings are cancelled again, so the measured minute starts from the same free grid.
        // Rounds of at most one attempt per participant, each cancelled before the next, until the count is reached.
        var warmUpPeople = people.Select(p => p.ParticipantId).ToList();
        var (warmedUp, warmUpBooked) = (0, 0);
        for (var round = 0; warmedUp < options.WarmUpAttempts; round++)
        {
            var warmUp = Plan(options with { AttemptsEach = 1, Seed = options.Seed + 1 + round, RatePerSecond = null }, warmUpPeople, exhibitors, slots)
                .Take(options.WarmUpAttempts - warmedUp).ToList();
            await Parallel.ForEachAsync(warmUp, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(options.InFlight, 50), CancellationToken = ct },
                async (a, token) => await BookAsync(portal, sessions[a.ParticipantId], AndongDemo.Slug, a, token));
            var booked = warmUp.Where(a => a.Booked).ToList();
            await Parallel.ForEachAsync(booked, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(options.InFlight, 50), CancellationToken = ct },
                async (a, token) => await CancelAsync(portal, sessions[a.ParticipantId], AndongDemo.Slug, a.MeetingId!.Value, token));
            warmedUp += warmUp.Count;
            warmUpBooked += booked.Count;
        }
        log($"Warm-up: {warmedUp} attempts, {warmUpBooked} booked and cancelled again");
        var (rssBefore, _) = portal.PortalMemory();

        // ---- the measured phase ----
        log($"Booking: {attempts.Count} attempts, {options.InFlight} in flight{(options.RatePerSecond is { } r ? $", {r:0} started per second" : "")}"
            + (options.RestartDatabase ? $", PostgreSQL stopped (-m immediate) at {options.KillAfterSeconds:0.#} s for {options.DownSeconds:0.#} s" : ""));
        var slug = AndongDemo.Slug;
        if (options.StatementStatistics) await portal.ResetStatementStatisticsAsync(ct);
        var cpuBefore = portal.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var fault = options.RestartDatabase ? RestartDatabaseAsync(portal, options, clock, log, ct) : Task.FromResult<FaultTimes?>(null);
        var queue = Channel.CreateUnbounded<Attempt>();
        foreach (var a in attempts) queue.Writer.TryWrite(a);
        queue.Writer.Complete();
        var workers = Enumerable.Range(0, options.InFlight).Select(_ => Task.Run(async () =>
        {
            await foreach (var attempt in queue.Reader.ReadAllAsync(ct))
            {
                var wait = attempt.DueSeconds - clock.Elapsed.TotalSeconds;
                if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), ct);
                attempt.StartedSeconds = clock.Elapsed.TotalSeconds;
                await BookAsync(portal, sessions[attempt.ParticipantId], slug, attempt, ct);
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var statements = options.StatementStatistics ? await portal.TopStatementsAsync(10, ct) : null;
        var cpu = CpuFigures.Between(cpuBefore, portal.CpuSeconds(), seconds);
        var faultTimes = await fault;
        var (rssAfter, peak) = portal.PortalMemory();

        // ---- outcomes, then what the database says ----
        var firstAnswers = attempts.Select(a => (a.Status, a.Outcome, a.MeetingId)).ToList();
        var byOutcome = attempts.GroupBy(a => a.Outcome).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        var serverErrors = attempts.Count(a => a.Status >= 500);
        var noAnswer = attempts.Count(a => a.Status == 0);
        var latencies = Latencies(attempts);
        // Each attempt's start, latency and outcome, to see when in the minute the slow ones were.
        if (Environment.GetEnvironmentVariable("EXPO_LOAD_TRACE") is { Length: > 0 } tracePath)
            await File.WriteAllLinesAsync(tracePath, attempts.Select(a => FormattableString.Invariant($"{a.StartedSeconds:0.000},{a.LatencyMs:0.0},{a.Outcome}")), ct);
        log($"{attempts.Count} attempts in {seconds:0.0} s ({attempts.Count / seconds:0} /s): {attempts.Count(a => a.Booked)} booked, "
            + $"{serverErrors} server errors, {noAnswer} without an answer; p50 {latencies["p50"]} ms, p95 {latencies["p95"]} ms, p99 {latencies["p99"]} ms");
        log($"CPU in the measured phase: portal {cpu.PortalSeconds} s, PostgreSQL {cpu.PostgresSeconds} s, benchmark client {cpu.BenchmarkSeconds} s, "
            + $"the rest of the machine {cpu.OtherSeconds} s ({cpu.CoresBusy} of {Environment.ProcessorCount} cores busy); per attempt: portal "
            + $"{1000 * cpu.PortalSeconds / attempts.Count:0.00} ms, PostgreSQL {1000 * cpu.PostgresSeconds / attempts.Count:0.00} ms");
        foreach (var s in statements ?? []) log($"  {s.TotalMs,7:0} ms in {s.Calls,5} calls ({s.MeanMs:0.000} ms each): {s.Statement}");

        // An attempt without a definitive answer may or may not have committed: the idempotency key tells. The client
        // retries it with the same key, as the portal's pages and a careful API client do.
        var keyed = await MeetingsByKeyAsync(portal, eventId, ct);
        var failed = attempts.Where(a => !a.Definitive).ToList();
        var committedDespiteFailure = failed.Count(a => keyed.ContainsKey(a.Key));
        var resolution = await ResolveAsync(portal, sessions, slug, failed, keyed, ct);
        keyed = await MeetingsByKeyAsync(portal, eventId, ct);

        var successMissing = attempts.Count(a => a.Booked && !(keyed.TryGetValue(a.Key, out var m) && m.Id == a.MeetingId
            && m.ParticipantId == a.ParticipantId && m.ExhibitorId == a.ExhibitorId && m.SlotId == a.SlotId));
        var refusedButBooked = firstAnswers.Zip(attempts).Count(x => x.First.Status is >= 400 and < 500 && keyed.ContainsKey(x.Second.Key));
        var invariants = await InvariantsAsync(portal, eventId, ct);
        var doubleBookings = invariants.Where(i => i.Key is "tableSlotTwice" or "participantSlotTwice" or "interpreterSlotTwice" or "boothOverTables" or "pairTwice")
            .Sum(i => i.Value);

        var result = new Dictionary<string, object?>
        {
            ["at"] = DateTimeOffset.UtcNow,
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; portal and PostgreSQL on the same machine",
            ["options"] = new
            {
                options.Participants, options.AttemptsEach, options.InFlight, options.Zipf, options.Seed, options.RatePerSecond,
                options.WarmUpAttempts, durablePostgres = options.Durable, options.ConnectionOptions, portalSettings = options.PortalSettings,
            },
            ["participantsSignedIn"] = sessions.Count,
            ["signInSeconds"] = Math.Round(signInSeconds, 1),
            ["bookableExhibitors"] = exhibitors.Count,
            ["slots"] = slots.Count,
            ["attempts"] = attempts.Count,
            ["successes"] = attempts.Count(a => a.Booked),
            ["refusals"] = byOutcome.Where(o => o.Key != "booked" && !o.Key.StartsWith("http_5", StringComparison.Ordinal) && !o.Key.StartsWith("no_answer", StringComparison.Ordinal)
                    && o.Key != "database_unavailable")
                .ToDictionary(o => o.Key, o => o.Value),
            ["serverErrors"] = serverErrors,
            ["noAnswer"] = noAnswer,
            // 503 database_unavailable: the portal's answer while PostgreSQL is unreachable (counted in serverErrors too).
            ["databaseUnavailable"] = firstAnswers.Count(a => a.Outcome == "database_unavailable"),
            ["outcomes"] = byOutcome,
            ["seconds"] = Math.Round(seconds, 2),
            ["attemptsPerSecond"] = Math.Round(attempts.Count / seconds, 1),
            ["latencyMs"] = latencies,
            ["latencyMsBooked"] = Latencies(attempts.Where(a => a.Booked).ToList()),
            ["latencyMsRefused"] = Latencies(attempts.Where(a => a.Status is >= 400 and < 500).ToList()),
            ["doubleBookings"] = doubleBookings,
            ["invariants"] = invariants,
            ["reportedSuccessNotInDatabase"] = successMissing,
            ["reportedRefusalButInDatabase"] = refusedButBooked,
            ["failedButCommitted"] = committedDespiteFailure,
            ["resolvedByRetryWithSameKey"] = resolution,
            ["cpuSeconds"] = cpu,
            ["statements"] = statements,
            ["portalRssMb"] = new { beforeBooking = rssBefore, afterBooking = rssAfter, peak },
            ["totalSeconds"] = Math.Round(total.Elapsed.TotalSeconds, 1),
        };
        if (faultTimes is { } f)
        {
            var bookedAfter = attempts.Where(a => a.Booked && a.StartedSeconds > f.UpAt).ToList();
            result["restart"] = new RestartFigures(
                Math.Round(f.DownAt, 2), Math.Round(f.UpAt, 2), Math.Round(f.UpAt - f.DownAt, 2),
                f.HealthBack is { } h ? Math.Round(h, 2) : null,
                bookedAfter.Count > 0 ? Math.Round(bookedAfter.Min(a => a.StartedSeconds + a.LatencyMs / 1000) - f.UpAt, 2) : null,
                bookedAfter.Count,
                attempts.Count(a => firstAnswers[a.Index].Status is 0 or >= 500 && a.StartedSeconds >= f.DownAt && a.StartedSeconds <= f.UpAt),
                attempts.Count(a => firstAnswers[a.Index].Status is 0 or >= 500 && a.StartedSeconds > f.UpAt),
                PortalRestarted: false, PortalStillRunning: !portal.PortalExited);
        }
        return result;
    }

    /// <summary>CPU seconds of the measured phase: the portal, PostgreSQL, the benchmark's own client, and the rest of the machine.</summary>
    public sealed record CpuFigures(double PortalSeconds, double PostgresSeconds, double BenchmarkSeconds, double OtherSeconds, double CoresBusy)
    {
        public static CpuFigures Between(PortalHarness.CpuTimes before, PortalHarness.CpuTimes after, double seconds)
        {
            var (portal, postgres, bench, machine) = (after.Portal - before.Portal, after.Postgres - before.Postgres,
                after.Benchmark - before.Benchmark, after.Machine - before.Machine);
            return new(Math.Round(portal, 2), Math.Round(postgres, 2), Math.Round(bench, 2), Math.Round(machine - portal - postgres - bench, 2),
                Math.Round(machine / seconds, 2));
        }
    }

    /// <summary>Seconds from the start of the booking phase; recovery figures from PostgreSQL's start.</summary>
    public sealed record RestartFigures(double StoppedAtSeconds, double StartedAgainAtSeconds, double DownSeconds, double? HealthBackSecondsAfterStart,
        double? FirstBookingSecondsAfterStart, int BookedAfterRestart, int FailedWhileDown, int FailedAfterStart, bool PortalRestarted, bool PortalStillRunning);

    private sealed record FaultTimes(double DownAt, double UpAt, double? HealthBack);

    private static async Task<FaultTimes?> RestartDatabaseAsync(PortalHarness portal, LoadOptions options, Stopwatch clock, Action<string> log, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(options.KillAfterSeconds), ct);
        var down = clock.Elapsed.TotalSeconds;
        await portal.StopDatabaseImmediatelyAsync();
        log($"  {down:0.0} s: PostgreSQL stopped (pg_ctl stop -m immediate)");
        await Task.Delay(TimeSpan.FromSeconds(options.DownSeconds), ct);
        await portal.StartDatabaseAgainAsync();
        var up = clock.Elapsed.TotalSeconds;
        log($"  {up:0.0} s: PostgreSQL started again");
        var health = await portal.WaitForHealthAsync(TimeSpan.FromSeconds(60), ct);
        log(health is { } h ? $"  /health answers 200 again {h.TotalSeconds:0.0} s after the start" : "  /health did NOT recover within 60 s");
        return new FaultTimes(down, up, health?.TotalSeconds);
    }

    private static async Task BookAsync(PortalHarness portal, Session session, string slug, Attempt attempt, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{slug}/meetings")
            {
                Content = JsonContent.Create(new { participantId = attempt.ParticipantId, exhibitorId = attempt.ExhibitorId, timeSlotId = attempt.SlotId, clientRequestId = attempt.Key }),
            };
            session.Send(request);
            using var response = await portal.Http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            attempt.LatencyMs = watch.Elapsed.TotalMilliseconds;
            session.Absorb(response);
            attempt.Status = (int)response.StatusCode;
            attempt.MeetingId = null;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                attempt.Outcome = "booked";
                attempt.MeetingId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
            }
            else
            {
                attempt.Outcome = TryCode(body) ?? $"http_{attempt.Status}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            attempt.LatencyMs = watch.Elapsed.TotalMilliseconds;
            attempt.Status = 0;
            attempt.Outcome = $"no_answer:{(ex is TaskCanceledException ? "timeout" : (ex.InnerException ?? ex).GetType().Name)}";
        }
    }

    private static async Task CancelAsync(PortalHarness portal, Session session, string slug, int meetingId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{slug}/meetings/{meetingId}/cancel");
        session.Send(request);
        using var response = await portal.Http.SendAsync(request, ct);
        session.Absorb(response);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The warm-up could not cancel meeting {meetingId}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    private static string? TryCode(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Retries attempts without a definitive answer with the same idempotency key until they get one.</summary>
    private static async Task<Dictionary<string, int>> ResolveAsync(PortalHarness portal, IReadOnlyDictionary<int, Session> sessions, string slug,
        IReadOnlyList<Attempt> failed, IReadOnlyDictionary<string, KeyedMeeting> committedBefore, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        foreach (var attempt in failed)
        {
            for (var round = 0; round < 10 && !attempt.Definitive; round++)
            {
                if (round > 0) await Task.Delay(1000, ct);
                await BookAsync(portal, sessions[attempt.ParticipantId], slug, attempt, ct);
            }
            var label = !attempt.Definitive ? "stillNoAnswer"
                : attempt.Booked && committedBefore.TryGetValue(attempt.Key, out var m) && m.Id == attempt.MeetingId ? "confirmedEarlierCommit"
                : attempt.Booked ? "bookedOnRetry"
                : committedBefore.ContainsKey(attempt.Key) ? "refusedButCommittedEarlier"
                : "refusedOnRetry";
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }
        return counts;
    }

    private static Dictionary<string, double> Latencies(IReadOnlyList<Attempt> attempts)
    {
        if (attempts.Count == 0) return [];
        var sorted = attempts.Select(a => a.LatencyMs).Order().ToArray();
        double At(double q) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new() { ["p50"] = At(0.50), ["p95"] = At(0.95), ["p99"] = At(0.99), ["max"] = At(1), ["mean"] = Math.Round(sorted.Average(), 1), ["count"] = sorted.Length };
    }

    /// <summary>
    /// The opening minute: every person tries <see cref="LoadOptions.AttemptsEach"/> distinct exhibitors drawn by a
    /// Zipf law over a random popularity order, each at a random slot; the attempts go out round by round, the people
    /// in a random order within each round (one person's bookings follow each other, as clicks do).
    /// </summary>
    private static List<Attempt> Plan(LoadOptions options, IReadOnlyList<int> participants, IReadOnlyList<int> exhibitors, IReadOnlyList<int> slots)
    {
        var random = new Random(options.Seed);
        var popular = exhibitors.OrderBy(_ => random.Next()).ToArray();
        var weights = popular.Select((_, rank) => 1.0 / Math.Pow(rank + 1, options.Zipf)).ToArray();
        var cumulative = new double[weights.Length];
        for (double sum = 0, i = 0; i < weights.Length; i++) cumulative[(int)i] = sum += weights[(int)i];
        int Draw() => Math.Min(Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]) is var k && k < 0 ? ~k : k, popular.Length - 1);

        var choices = participants.ToDictionary(p => p, _ =>
        {
            var chosen = new List<int>();
            while (chosen.Count < Math.Min(options.AttemptsEach, popular.Length))
                if (popular[Draw()] is var x && !chosen.Contains(x)) chosen.Add(x);
            return chosen;
        });
        var attempts = new List<Attempt>();
        for (var round = 0; round < options.AttemptsEach; round++)
            foreach (var p in participants.OrderBy(_ => random.Next()))
                if (round < choices[p].Count)
                {
                    var due = options.RatePerSecond is { } rate ? attempts.Count / rate : 0;
                    attempts.Add(new Attempt(attempts.Count, p, choices[p][round], slots[random.Next(slots.Count)], due));
                }
        return attempts;
    }

    private static async Task<(int EventId, List<int> Exhibitors, List<int> Slots)> ReadEventAsync(PortalHarness portal, CancellationToken ct)
    {
        await using var connection = portal.NewConnection();
        await connection.OpenAsync(ct);
        var eventId = (int)(await Scalar(connection, $"SELECT id FROM events WHERE slug = '{AndongDemo.Slug}'", ct))!;
        var exhibitors = await Ints(connection, $"SELECT id FROM exhibitors WHERE event_id = {eventId} AND booth_id IS NOT NULL ORDER BY id", ct);
        var slots = await Ints(connection, $"SELECT id FROM time_slots WHERE event_id = {eventId} AND starts_at > now() ORDER BY starts_at", ct);
        return (eventId, exhibitors, slots);
    }

    public sealed record KeyedMeeting(int Id, int ParticipantId, int ExhibitorId, int SlotId);

    private static async Task<Dictionary<string, KeyedMeeting>> MeetingsByKeyAsync(PortalHarness portal, int eventId, CancellationToken ct)
    {
        await using var connection = portal.NewConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"SELECT client_request_id, id, participant_id, exhibitor_id, time_slot_id FROM meetings WHERE event_id = {eventId} AND client_request_id IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new Dictionary<string, KeyedMeeting>();
        while (await reader.ReadAsync(ct))
            result[reader.GetString(0)] = new KeyedMeeting(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
        return result;
    }

    /// <summary>Every booking rule checked on the rows themselves; each count must be 0.</summary>
    public static async Task<Dictionary<string, long>> InvariantsAsync(PortalHarness portal, int eventId, CancellationToken ct)
    {
        var queries = new Dictionary<string, string>
        {
            ["tableSlotTwice"] = $"SELECT count(*) FROM (SELECT 1 FROM meetings WHERE event_id = {eventId} AND {Holding} GROUP BY exhibitor_id, time_slot_id, table_number HAVING count(*) > 1) d",
            ["participantSlotTwice"] = $"SELECT count(*) FROM (SELECT 1 FROM meetings WHERE event_id = {eventId} AND {Holding} GROUP BY participant_id, time_slot_id HAVING count(*) > 1) d",
            ["interpreterSlotTwice"] = $"SELECT count(*) FROM (SELECT 1 FROM meetings WHERE event_id = {eventId} AND {Holding} AND interpreter_id IS NOT NULL GROUP BY interpreter_id, time_slot_id HAVING count(*) > 1) d",
            ["boothOverTables"] = $"""
                SELECT count(*) FROM (SELECT 1 FROM meetings m JOIN exhibitors x ON x.id = m.exhibitor_id JOIN booths b ON b.id = x.booth_id
                WHERE m.event_id = {eventId} AND m.{Holding} GROUP BY m.exhibitor_id, m.time_slot_id, b.meeting_tables HAVING count(*) > b.meeting_tables) d
                """,
            ["tableOutsideBooth"] = $"SELECT count(*) FROM meetings m JOIN exhibitors x ON x.id = m.exhibitor_id JOIN booths b ON b.id = x.booth_id WHERE m.event_id = {eventId} AND m.table_number > b.meeting_tables",
            ["pairTwice"] = $"SELECT count(*) FROM (SELECT 1 FROM meetings WHERE event_id = {eventId} AND {Holding} AND status <> 'Proposed' GROUP BY participant_id, exhibitor_id HAVING count(*) > 1) d",
            ["participantOverLimit"] = $"""
                SELECT count(*) FROM (SELECT 1 FROM meetings m JOIN participants p ON p.id = m.participant_id WHERE m.event_id = {eventId} AND m.{Holding}
                AND m.status <> 'Proposed' GROUP BY m.participant_id, p.max_meetings HAVING count(*) > p.max_meetings) d
                """,
            ["exhibitorOverLimit"] = $"""
                SELECT count(*) FROM (SELECT 1 FROM meetings m JOIN exhibitors x ON x.id = m.exhibitor_id WHERE m.event_id = {eventId} AND m.{Holding}
                AND m.status <> 'Proposed' GROUP BY m.exhibitor_id, x.max_meetings HAVING count(*) > x.max_meetings) d
                """,
            ["bookedWithoutAuditEntry"] = $"""
                SELECT count(*) FROM meetings m WHERE m.event_id = {eventId} AND m.client_request_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'meeting.booked' AND a.subject = 'meeting:' || m.id)
                """,
        };
        await using var connection = portal.NewConnection();
        await connection.OpenAsync(ct);
        var result = new Dictionary<string, long>();
        foreach (var (name, sql) in queries) result[name] = Convert.ToInt64(await Scalar(connection, sql, ct));
        return result;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<List<int>> Ints(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<int>();
        while (await reader.ReadAsync(ct)) list.Add(reader.GetInt32(0));
        return list;
    }
}
