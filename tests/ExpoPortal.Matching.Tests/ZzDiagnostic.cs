using ExpoPortal.Matching.Benchmark;
using ExpoPortal.Matching.Bound;
using ExpoPortal.Matching.Scheduling;

namespace ExpoPortal.Matching.Tests;

public class ZzDiagnostic(ITestOutputHelper output)
{
    [Fact]
    public void Diagnose()
    {
        var instance = InstanceGenerator.Generate(GeneratorSettings.Andong(1.0));
        var result = MatchingEngine.Solve(instance, cancellation: TestContext.Current.CancellationToken);
        var t = result.Timetable;
        var p = result.Problem;
        var pg = 0; var eg = 0; var pWith = 0; var eWith = 0;
        foreach (var d in t.DayStarts())
        {
            for (var i = 0; i < p.Participants; i++) { var g = t.ParticipantGapsOnDay(i, d); pg += g; if (g > 0) pWith++; }
            for (var e = 0; e < p.Exhibitors; e++) { var g = t.ExhibitorGapsOnDay(e, d); eg += g; if (g > 0) eWith++; }
        }
        var idleExhibitorSlots = Enumerable.Range(0, p.Exhibitors).Sum(e => Enumerable.Range(0, p.Slots).Count(s => p.ExhibitorAvailable[e][s] && t.ExhibitorLoad[e][s] < p.Tables[e]));
        var before = t.TotalGaps();
        var moves = GapPolisher.Polish(t, 1, 40, DateTime.UtcNow.AddSeconds(20), null, TestContext.Current.CancellationToken);
        output.WriteLine($"polish again: {before} -> {t.TotalGaps()} with {moves} moves");
        output.WriteLine($"participant gaps {pg} ({pWith} person-days), exhibitor gaps {eg} ({eWith}), idle exhibitor slots {idleExhibitorSlots}, total {result.Schedule.IdleGaps}");
    }
}
