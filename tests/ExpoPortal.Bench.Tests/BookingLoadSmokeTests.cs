using ExpoPortal.BookingLoadBench;

namespace ExpoPortal.Bench.Tests;

/// <summary>
/// CI's short runs of bench/BookingLoadBench (issue 11 §3 and §4.1): each starts a private PostgreSQL cluster and the
/// real portal as its own process, never the shared test cluster. They assert the invariants, not timings.
/// </summary>
public sealed class BookingLoadSmokeTests
{
    private static void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine(message);

    [Fact(Timeout = 240_000)]
    public async Task PostgreSQL_stopped_immediately_mid_run_loses_no_confirmed_booking_and_books_nothing_twice()
    {
        var options = new LoadOptions
        {
            RestartDatabase = true, Participants = 40, AttemptsEach = 5, InFlight = 20, RatePerSecond = 20,
            KillAfterSeconds = 3, DownSeconds = 3, Durable = true,
        };
        var r = await BookingLoad.RunAsync(options, Log, TestContext.Current.CancellationToken);
        foreach (var line in Verdict.Of(r, restart: true).Lines) Log(line);

        Assert.Equal(200, r["attempts"]);
        Assert.All((Dictionary<string, long>)r["invariants"]!, rule => Assert.True(rule.Value == 0, $"{rule.Key}: {rule.Value}"));
        Assert.Equal(0, r["reportedSuccessNotInDatabase"]);
        Assert.Equal(0, r["reportedRefusalButInDatabase"]);
        // Every attempt without a definitive answer got one when retried with its idempotency key.
        Assert.Equal(0, ((Dictionary<string, int>)r["resolvedByRetryWithSameKey"]!).GetValueOrDefault("stillNoAnswer"));
        var restart = (BookingLoad.RestartFigures)r["restart"]!;
        Assert.True(restart.PortalStillRunning);
        Assert.NotNull(restart.HealthBackSecondsAfterStart);
        Assert.True(restart.HealthBackSecondsAfterStart < 60, $"/health came back after {restart.HealthBackSecondsAfterStart} s");
        Assert.True(restart.BookedAfterRestart > 0, "no booking succeeded after PostgreSQL was back");
        // The fault really happened during the run: some attempts failed while the server was down.
        Assert.True(restart.FailedWhileDown > 0, "no attempt met the stopped database");
        Assert.Equal(0, (int)r["serverErrors"]! - (int)r["databaseUnavailable"]!);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_burst_of_bookings_from_outside_books_nothing_twice_and_answers_no_server_error()
    {
        var options = new LoadOptions { Participants = 60, AttemptsEach = 5, InFlight = 60, Zipf = 1.2, Durable = false };
        var r = await BookingLoad.RunAsync(options, Log, TestContext.Current.CancellationToken);
        foreach (var line in Verdict.Of(r, restart: false).Lines) Log(line);

        Assert.Equal(300, r["attempts"]);
        Assert.Equal(0L, r["doubleBookings"]);
        Assert.All((Dictionary<string, long>)r["invariants"]!, rule => Assert.True(rule.Value == 0, $"{rule.Key}: {rule.Value}"));
        Assert.Equal(0, r["serverErrors"]);
        Assert.Equal(0, r["noAnswer"]);
        Assert.Equal(0, r["reportedSuccessNotInDatabase"]);
        // The skew makes popular booths full: both outcomes occur, so the check is not vacuous.
        Assert.True((int)r["successes"]! > 0);
        Assert.True(((Dictionary<string, int>)r["refusals"]!).GetValueOrDefault("slot_taken") + ((Dictionary<string, int>)r["refusals"]!).GetValueOrDefault("limit_reached") > 0);
    }
}
