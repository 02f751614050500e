using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ExpoPortal.BenchHarness;

/// <summary>
/// The live managed memory of another .NET process: an EventPipe session asks its runtime for a full blocking GC
/// (the GCHeapCollect keyword, as dotnet-gcdump does) and reads the heap sizes that GC reports. Unlike the resident
/// set, this leaves out garbage not yet collected and heap the GC keeps for later.
/// </summary>
public static class ManagedHeap
{
    public static async Task<double> AfterFullGcMbAsync(int processId, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        var result = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += e => induced |= e.Depth == 2 && e.Reason is GCReason.Induced or GCReason.InducedNotForced or GCReason.InducedCompacting;
        source.Clr.GCHeapStats += e =>
        {
            if (!induced) return;
            result.TrySetResult((e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4) / 1048576.0);
        };
        var reading = Task.Run(source.Process);
        var finished = await Task.WhenAny(result.Task, Task.Delay(timeout));
        try { session.Stop(); } catch (Exception) { /* the process may have closed the session itself */ }
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(5)));
        return finished == result.Task ? Math.Round(result.Task.Result, 1) : double.NaN;
    }
}
