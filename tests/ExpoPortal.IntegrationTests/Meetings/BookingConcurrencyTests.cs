using System.Net;
using System.Net.Http.Json;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>
/// Booking races over HTTP through <c>POST /api/events/{slug}/meetings</c>, each booking from its own signed-in client and
/// all released at once. The same races run under READ COMMITTED and REPEATABLE READ (<c>Database:IsolationLevel</c>);
/// <see cref="BookingConcurrencyNegativeControlTests"/> shows that they catch a race when the database guard is gone.
/// </summary>
public abstract class BookingConcurrencyTests<TCrowd>(TCrowd crowd) where TCrowd : BookingCrowd
{
    protected CancellationToken Ct => TestContext.Current.CancellationToken;
    protected TCrowd Crowd => crowd;

    /// <summary>
    /// A real deadlock at the desk: another transaction holds the exhibitor's row and then asks for the participant's,
    /// which the walk-in holds while it waits for the exhibitor's. PostgreSQL aborts the walk-in (its connection detects
    /// the deadlock first), and the service runs it again: the walk-in is registered once.
    /// </summary>
    [Fact]
    public async Task A_walk_in_aborted_by_a_deadlock_is_retried_and_registered_once()
    {
        // People no other race of the class uses (the interpreter race changes the languages of 55-64 and 62-71).
        var (participant, exhibitor, slot) = (crowd.Participants[70], crowd.Exhibitors[76], crowd.Slots[2]);
        var before = crowd.Failures.Count(PostgresErrorCodes.DeadlockDetected);
        await using var other = new NpgsqlConnection(crowd.App.ConnectionString);
        await other.OpenAsync(Ct);
        await using var tx = await other.BeginTransactionAsync(Ct);
        // The portal's connection (deadlock_timeout 1 s) finds the cycle before this one does.
        await using (var slow = new NpgsqlCommand("SET LOCAL deadlock_timeout = '30s'", other, tx)) await slow.ExecuteNonQueryAsync(Ct);
        await using (var lockExhibitor = new NpgsqlCommand($"SELECT 1 FROM exhibitors WHERE id = {exhibitor} FOR UPDATE", other, tx))
            await lockExhibitor.ExecuteNonQueryAsync(Ct);

        var booking = crowd.App.Services.GetRequiredService<MeetingBooking>();
        var walkIn = booking.WalkInAsync(TestActors.Secretariat, crowd.EventId, new WalkInRequest(participant, exhibitor, slot, Held: false), Ct);
        await WaitUntilSomeoneWaitsForALockAsync(other.ProcessID);
        var closeTheCycle = new NpgsqlCommand($"SELECT 1 FROM participants WHERE id = {participant} FOR UPDATE", other, tx).ExecuteNonQueryAsync(Ct);
        await closeTheCycle.WaitAsync(TimeSpan.FromSeconds(20), Ct); // granted once PostgreSQL aborted the walk-in's first attempt
        await tx.CommitAsync(Ct);
        var result = await walkIn.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.True(result.Succeeded, result.Error?.Code);
        Assert.True(crowd.Failures.Count(PostgresErrorCodes.DeadlockDetected) > before, "PostgreSQL did not abort the first attempt.");
        await using var db = await crowd.DbAsync();
        Assert.Equal(1, await db.Meetings.CountAsync(m => m.ParticipantId == participant && m.ExhibitorId == exhibitor && m.Status != MeetingStatus.Cancelled, Ct));
    }

    /// <summary>Until a connection other than <paramref name="exceptPid"/> waits for a row lock (the portal's attempt under test).</summary>
    protected async Task WaitUntilSomeoneWaitsForALockAsync(int exceptPid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var probe = new NpgsqlConnection(crowd.App.ConnectionString);
        await probe.OpenAsync(Ct);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> @other", probe);
            command.Parameters.AddWithValue("other", exceptPid);
            if ((long)(await command.ExecuteScalarAsync(Ct))! > 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The portal's transaction never waited for a row lock.");
            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task Fifty_participants_booking_one_table_slot_at_once_get_exactly_one_meeting_twenty_times_over()
    {
        for (var round = 0; round < 20; round++)
        {
            var (exhibitor, slot) = (crowd.Exhibitors[round], crowd.Slots[round]);

            var outcomes = await BookingCrowd.RaceAsync(
                crowd.Crowd.Select((client, i) => (client, new BookMeetingRequest(crowd.Participants[i], exhibitor, slot, TableNumber: 1))), Ct);

            Assert.Equal(BookingCrowd.CrowdSize, outcomes.Count);
            Assert.DoesNotContain(outcomes, o => (int)o.Status >= 500);
            Assert.Single(outcomes, o => o.Status == HttpStatusCode.Created);
            Assert.Equal(BookingCrowd.CrowdSize - 1, outcomes.Count(o => o.Status == HttpStatusCode.Conflict && o.Code == "slot_taken"));
            Assert.Equal(1, await ActiveMeetingsAsync(m => m.ExhibitorId == exhibitor && m.TimeSlotId == slot && m.TableNumber == 1));
        }
    }

    [Fact]
    public async Task Ten_bookings_of_one_participant_with_different_exhibitors_in_one_slot_give_one_meeting()
    {
        var participant = crowd.Participants[50];
        var clients = new List<HttpClient> { crowd.Clients[50] };
        for (var i = 1; i < 10; i++) clients.Add(await crowd.SignInAsync(participant)); // ten tabs and phones of one buyer
        for (var round = 0; round < 3; round++)
        {
            var slot = crowd.Slots[round];
            var exhibitors = crowd.Exhibitors.Skip(20 + 10 * round).Take(10).ToList();

            var outcomes = await BookingCrowd.RaceAsync(clients.Select((client, i) => (client, new BookMeetingRequest(participant, exhibitors[i], slot))), Ct);

            Assert.DoesNotContain(outcomes, o => (int)o.Status >= 500);
            Assert.Single(outcomes, o => o.Status == HttpStatusCode.Created);
            Assert.Equal(9, outcomes.Count(o => o.Status == HttpStatusCode.Conflict && o.Code == "participant_busy"));
            Assert.Equal(1, await ActiveMeetingsAsync(m => m.ParticipantId == participant && m.TimeSlotId == slot));
        }
    }

    [Fact]
    public async Task A_double_click_without_a_request_id_books_one_meeting_and_refuses_the_other()
    {
        var (participant, client) = (crowd.Participants[51], crowd.Clients[51]);
        for (var round = 0; round < 5; round++)
        {
            var request = new BookMeetingRequest(participant, crowd.Exhibitors[50 + round], crowd.Slots[round]);

            var outcomes = await BookingCrowd.RaceAsync([(client, request), (client, request)], Ct);

            Assert.Single(outcomes, o => o.Status == HttpStatusCode.Created);
            // Whichever guard the second click meets first: the participant's slot, the table, or the pair.
            Assert.Single(outcomes, o => o.Status == HttpStatusCode.Conflict && o.Code is "participant_busy" or "slot_taken" or "already_meeting");
            Assert.Equal(1, await ActiveMeetingsAsync(m => m.ParticipantId == participant && m.ExhibitorId == request.ExhibitorId));
        }
    }

    [Fact]
    public async Task A_double_click_with_one_request_id_books_once_and_answers_both_with_that_meeting()
    {
        var (participant, client) = (crowd.Participants[52], crowd.Clients[52]);
        for (var round = 0; round < 5; round++)
        {
            var request = new BookMeetingRequest(participant, crowd.Exhibitors[55 + round], crowd.Slots[round], ClientRequestId: Guid.NewGuid().ToString("N"));

            var outcomes = await BookingCrowd.RaceAsync([(client, request), (client, request)], Ct);

            Assert.All(outcomes, o => Assert.True(o.Status == HttpStatusCode.Created, $"{o.Status} {o.Code}"));
            Assert.Equal(outcomes[0].MeetingId, outcomes[1].MeetingId);
            Assert.Equal(1, await ActiveMeetingsAsync(m => m.ParticipantId == participant && m.ExhibitorId == request.ExhibitorId));
        }
    }

    [Fact]
    public async Task A_booking_retried_with_its_request_id_after_a_lost_response_returns_the_same_meeting()
    {
        var (participant, client) = (crowd.Participants[53], crowd.Clients[53]);
        var request = new BookMeetingRequest(participant, crowd.Exhibitors[60], crowd.Slots[0], ClientRequestId: Guid.NewGuid().ToString("N"));
        // The booking commits, but its answer never reaches the phone (the venue's Wi-Fi dropped it): the app tries again.
        using (await client.PostAsJsonAsync(BookingCrowd.MeetingsUrl, request, Ct)) { }

        using var retried = await client.PostAsJsonAsync(BookingCrowd.MeetingsUrl, request, Ct);
        var outcome = await BookingCrowd.OutcomeAsync(retried);

        Assert.Equal(HttpStatusCode.Created, outcome.Status);
        await using var db = await crowd.DbAsync();
        var stored = await db.Meetings.SingleAsync(m => m.ParticipantId == participant && m.ExhibitorId == request.ExhibitorId, Ct);
        Assert.Equal(stored.Id, outcome.MeetingId);
        Assert.Equal(request.ClientRequestId, stored.ClientRequestId);
    }

    [Fact]
    public async Task An_interpreter_wanted_by_two_pairs_in_one_slot_is_booked_once()
    {
        // Ten participants who speak only Swahili, ten exhibitors who speak only Korean, and one interpreter for both.
        var participants = crowd.Participants.Skip(55).Take(10).ToArray();
        var exhibitors = crowd.Exhibitors.Skip(62).Take(10).ToArray();
        int interpreter;
        await using (var db = await crowd.DbAsync())
        {
            var day = await db.TimeSlots.Where(s => s.Id == crowd.Slots[0]).Select(s => s.Day).SingleAsync(Ct);
            var onDuty = await db.Interpreters.Where(i => i.EventId == crowd.EventId).OrderBy(i => i.Id).ToListAsync(Ct);
            interpreter = onDuty.First(i => i.AvailableDays.Contains(day)).Id;
            await db.Database.ExecuteSqlAsync($"UPDATE participants SET languages = ARRAY['sw'] WHERE id = ANY({participants})", Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE exhibitors SET languages = ARRAY['ko'] WHERE id = ANY({exhibitors})", Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE interpreters SET languages = ARRAY['ko', 'sw'] WHERE id = {interpreter}", Ct);
            Assert.Equal(1, await db.Interpreters.CountAsync(i => i.EventId == crowd.EventId && i.Languages.Contains("sw"), Ct));
        }
        var clients = crowd.Participants.Select((id, i) => (id, client: crowd.Clients[i])).Where(p => participants.Contains(p.id)).ToDictionary(p => p.id, p => p.client);

        for (var round = 0; round < 5; round++)
        {
            var slot = crowd.Slots[round];
            var (first, second) = ((participants[2 * round], exhibitors[2 * round]), (participants[2 * round + 1], exhibitors[2 * round + 1]));

            var outcomes = await BookingCrowd.RaceAsync(
            [
                (clients[first.Item1], new BookMeetingRequest(first.Item1, first.Item2, slot)),
                (clients[second.Item1], new BookMeetingRequest(second.Item1, second.Item2, slot)),
            ], Ct);

            Assert.Single(outcomes, o => o.Status == HttpStatusCode.Created);
            Assert.Single(outcomes, o => o.Status == HttpStatusCode.Conflict && o.Code == "no_interpreter_free");
            Assert.Equal(1, await ActiveMeetingsAsync(m => m.InterpreterId == interpreter && m.TimeSlotId == slot));
        }
    }

    protected async Task<int> ActiveMeetingsAsync(System.Linq.Expressions.Expression<Func<Meeting, bool>> where)
    {
        await using var db = await crowd.DbAsync();
        return await db.Meetings.Where(m => MeetingStatuses.HoldingSlot.Contains(m.Status)).CountAsync(where, Ct);
    }
}

public sealed class BookingConcurrencyUnderReadCommittedTests(ReadCommittedCrowd crowd)
    : BookingConcurrencyTests<ReadCommittedCrowd>(crowd), IClassFixture<ReadCommittedCrowd>
{
    [Fact]
    public void The_booking_transaction_runs_at_the_default_isolation_level()
    {
        Assert.Equal(System.Data.IsolationLevel.ReadCommitted, new BookingSettings().IsolationLevel);
        Assert.Equal(System.Data.IsolationLevel.ReadCommitted, Crowd.App.Services.GetRequiredService<BookingSafeguards>().Settings.IsolationLevel);
    }
}

public sealed class BookingConcurrencyUnderRepeatableReadTests(RepeatableReadCrowd crowd)
    : BookingConcurrencyTests<RepeatableReadCrowd>(crowd), IClassFixture<RepeatableReadCrowd>
{
    /// <summary>
    /// A real serialization failure: another transaction updates the participant's row while the booking waits for its
    /// lock; when it commits, PostgreSQL aborts the REPEATABLE READ booking with 40001, and the service runs it again.
    /// </summary>
    [Fact]
    public async Task A_booking_aborted_by_a_serialization_failure_is_retried_and_booked_once()
    {
        var (participant, client) = (Crowd.Participants[54], Crowd.Clients[54]);
        var request = new BookMeetingRequest(participant, Crowd.Exhibitors[61], Crowd.Slots[0]);
        var before = Crowd.Failures.Count(PostgresErrorCodes.SerializationFailure);
        await using var other = new NpgsqlConnection(Crowd.App.ConnectionString);
        await other.OpenAsync(Ct);
        await using var tx = await other.BeginTransactionAsync(Ct);
        await using (var update = new NpgsqlCommand($"UPDATE participants SET max_meetings = max_meetings WHERE id = {participant}", other, tx))
            await update.ExecuteNonQueryAsync(Ct);

        var booking = client.PostAsJsonAsync(BookingCrowd.MeetingsUrl, request, Ct);
        await WaitUntilSomeoneWaitsForALockAsync(other.ProcessID);
        await tx.CommitAsync(Ct);
        using var response = await booking.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(Crowd.Failures.Count(PostgresErrorCodes.SerializationFailure) > before, "PostgreSQL did not abort the first attempt.");
        Assert.Equal(1, await ActiveMeetingsAsync(m => m.ParticipantId == participant && m.TimeSlotId == request.TimeSlotId));
    }

    [Fact]
    public void The_booking_transaction_runs_at_the_configured_isolation_level() =>
        Assert.Equal(System.Data.IsolationLevel.RepeatableRead, Crowd.App.Services.GetRequiredService<BookingSafeguards>().Settings.IsolationLevel);
}

/// <summary>
/// The negative control: the same race on a portal whose database has no partial unique indexes on meetings (and whose
/// meeting inserts are held back a little) books a slot and an interpreter more than once, so the races above can fail.
/// </summary>
public sealed class BookingConcurrencyNegativeControlTests(UnguardedCrowd crowd) : IClassFixture<UnguardedCrowd>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_the_database_guard_fifty_participants_booking_one_table_slot_get_more_than_one_meeting()
    {
        var most = 0;
        for (var round = 0; round < 3 && most < 2; round++)
        {
            var (exhibitor, slot) = (crowd.Exhibitors[round], crowd.Slots[round]);
            var outcomes = await BookingCrowd.RaceAsync(
                crowd.Crowd.Select((client, i) => (client, new BookMeetingRequest(crowd.Participants[i], exhibitor, slot, TableNumber: 1))), Ct);
            Assert.DoesNotContain(outcomes, o => (int)o.Status >= 500);
            await using var db = await crowd.DbAsync();
            most = Math.Max(most, await db.Meetings.CountAsync(m => m.ExhibitorId == exhibitor && m.TimeSlotId == slot && m.TableNumber == 1, Ct));
        }

        Assert.True(most >= 2, $"The race was not caught: {most} meeting(s) at one table and slot.");
    }
}
