using ExpoPortal.Application.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ExpoPortal.IntegrationTests.Meetings;

/// <summary>
/// Which failures a booking retries, and how often: serialization failures and deadlocks (however EF wraps them), a
/// bounded number of times; never a violated guard or any other error. The real end-to-end retry of an induced
/// serialization failure is in <see cref="BookingConcurrencyUnderRepeatableReadTests"/>.
/// </summary>
public sealed class BookingRetryPolicyTests
{
    private static PostgresException Postgres(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.SerializationFailure, true)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.LockNotAvailable, false)]
    public void Serialization_failures_and_deadlocks_are_transient_and_nothing_else(string sqlState, bool transient)
    {
        Assert.Equal(transient, BookingSafeguards.IsTransient(Postgres(sqlState)));
        Assert.Equal(transient, BookingSafeguards.IsTransient(new DbUpdateException("save", Postgres(sqlState))));
        Assert.Equal(transient, BookingSafeguards.IsTransient(new InvalidOperationException("outer", new DbUpdateException("save", Postgres(sqlState)))));
    }

    [Fact]
    public async Task A_deadlock_is_retried_a_bounded_number_of_times_and_then_surfaces()
    {
        using var guards = new BookingSafeguards(new BookingSettings { TransientRetries = 2 });
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => guards.RetryTransientAsync<int>(() =>
        {
            attempts++;
            throw Postgres(PostgresErrorCodes.DeadlockDetected);
        }, TestContext.Current.CancellationToken));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_transient_failure_followed_by_success_answers_the_success_and_other_errors_are_not_retried()
    {
        using var guards = new BookingSafeguards(new BookingSettings());
        var attempts = 0;
        var answer = await guards.RetryTransientAsync(() => ++attempts < 2 ? throw Postgres(PostgresErrorCodes.SerializationFailure) : Task.FromResult(42),
            TestContext.Current.CancellationToken);
        var other = 0;
        await Assert.ThrowsAsync<PostgresException>(() => guards.RetryTransientAsync<int>(() => { other++; throw Postgres(PostgresErrorCodes.UniqueViolation); },
            TestContext.Current.CancellationToken));

        Assert.Equal((42, 2, 1), (answer, attempts, other));
    }

    [Fact]
    public async Task At_most_the_configured_number_of_attempts_run_at_once_and_the_others_go_in_arrival_order()
    {
        using var guards = new BookingSafeguards(new BookingSettings { ConcurrentBookings = 2 });
        var ct = TestContext.Current.CancellationToken;
        // Every attempt holds its turn until released, so each release frees exactly one turn
        // and the order in which the queued ones start is not left to the thread pool.
        var release = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource()).ToArray();
        var (running, most) = (0, 0);
        var started = new List<int>();
        var gate = new object();
        async Task<int> Attempt(int n)
        {
            lock (gate) { started.Add(n); most = Math.Max(most, ++running); }
            await release[n].Task;
            lock (gate) running--;
            return n;
        }
        async Task StartedAsync(int count)
        {
            for (var waited = 0; waited < 5000; waited += 10)
            {
                lock (gate) if (started.Count >= count) return;
                await Task.Delay(10, ct);
            }
        }
        int[] Started() { lock (gate) return [.. started]; }

        var attempts = new List<Task<int>>();
        for (var n = 0; n < 6; n++)
        {
            var k = n;
            attempts.Add(guards.RetryTransientAsync(() => Attempt(k), ct)); // queued one after the other
        }
        await StartedAsync(2);
        await Task.Delay(50, ct); // room for a third to start, were the limit not kept
        Assert.Equal([0, 1], Started());
        for (var n = 0; n < 4; n++)
        {
            release[n].SetResult();
            await StartedAsync(n + 3);
            await Task.Delay(20, ct);
            Assert.Equal(Enumerable.Range(0, n + 3), Started());
        }
        release[4].SetResult();
        release[5].SetResult();
        await Task.WhenAll(attempts);

        Assert.Equal(2, most);
    }

    [Fact]
    public void Settings_come_from_configuration_with_READ_COMMITTED_by_default_and_refuse_unsupported_levels()
    {
        static BookingSettings From(params (string, string)[] pairs) =>
            BookingSettings.From(new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).Build());

        Assert.Equal(System.Data.IsolationLevel.ReadCommitted, From().IsolationLevel);
        Assert.Equal(30, From().BookingsPerUserPerMinute);
        Assert.Equal(System.Data.IsolationLevel.RepeatableRead, From(("Database:IsolationLevel", "repeatableread")).IsolationLevel);
        Assert.Equal(7, From(("RateLimits:BookingsPerUserPerMinute", "7")).BookingsPerUserPerMinute);
        Assert.Equal(5, From(("Database:ConcurrentBookings", "5")).ConcurrentBookings);
        Assert.True(From().ConcurrentBookings >= 4);
        Assert.Throws<InvalidOperationException>(() => From(("Database:IsolationLevel", "ReadUncommitted")));
    }
}
