namespace ExpoPortal.BookingLoadBench;

/// <summary>The targets of issue 11 §3 and §4.1 against a run's figures. Only the invariants decide the exit code.</summary>
public sealed record Verdict(bool InvariantsHold, IReadOnlyList<string> Lines)
{
    public static Verdict Of(IReadOnlyDictionary<string, object?> r, bool restart)
    {
        var lines = new List<string>();
        var doubles = Convert.ToInt64(r["doubleBookings"]);
        var broken = ((Dictionary<string, long>)r["invariants"]!).Where(i => i.Value != 0).Select(i => $"{i.Key} {i.Value}").ToList();
        var missing = Convert.ToInt32(r["reportedSuccessNotInDatabase"]);
        var refusedBooked = Convert.ToInt32(r["reportedRefusalButInDatabase"]);
        var unresolved = ((Dictionary<string, int>)r["resolvedByRetryWithSameKey"]!).GetValueOrDefault("stillNoAnswer");
        var holds = broken.Count == 0 && missing == 0 && refusedBooked == 0;
        lines.Add($"double bookings: {doubles} (target 0) {(doubles == 0 ? "met" : "NOT met")}; broken rules: {(broken.Count == 0 ? "none" : string.Join(", ", broken))}");
        lines.Add($"reported success not in the database: {missing}; reported refusal but in the database: {refusedBooked}; failed but committed: {r["failedButCommitted"]}, left without an answer after retries: {unresolved}");
        if (!restart)
        {
            var latency = (Dictionary<string, double>)r["latencyMs"]!;
            var errors = Convert.ToInt32(r["serverErrors"]) + Convert.ToInt32(r["noAnswer"]);
            lines.Add($"server errors: {errors} (target 0) {(errors == 0 ? "met" : "NOT met")}; p95 {latency["p95"]} ms (target < 500) {(latency["p95"] < 500 ? "met" : "NOT met")}; "
                + $"p99 {latency["p99"]} ms (target < 2000) {(latency["p99"] < 2000 ? "met" : "NOT met")}; {r["attemptsPerSecond"]} attempts/s");
        }
        else
        {
            var f = (BookingLoad.RestartFigures)r["restart"]!;
            var health = f.HealthBackSecondsAfterStart;
            lines.Add($"after the restart: /health 200 in {(health is { } h ? $"{h:0.0} s" : "NEVER")} (target < 60 s) {(health is < 60 ? "met" : "NOT met")}; "
                + $"{f.BookedAfterRestart} bookings after it, the first {f.FirstBookingSecondsAfterStart} s after the start; portal restarted: no");
            holds &= health is < 60 && f.BookedAfterRestart > 0 && f.PortalStillRunning && unresolved == 0;
        }
        return new Verdict(holds, lines);
    }
}
