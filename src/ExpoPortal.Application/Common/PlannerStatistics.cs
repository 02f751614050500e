using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.Common;

/// <summary>
/// After a bulk write (the demo event, an import, a matching run's thousands of proposals) PostgreSQL plans with the
/// statistics of before until autovacuum comes round, a minute or more later: with a table it believes empty it
/// looks a participant up by scanning the event's index rather than by id, which made the booking statement several
/// times dearer in the minute after a load (bench/BookingLoadBench/README). So the writer runs ANALYZE itself at once,
/// as PostgreSQL's "Populating a Database" advises; a few milliseconds for an event's tables.
/// </summary>
public static class PlannerStatistics
{
    /// <summary>ANALYZE the tables of the given entities (and of their owned collections), after the write has committed.</summary>
    /// <remarks>
    /// Never throws for the database, and takes no cancellation: the write it follows has committed (a request given up
    /// after its commit has not failed), and autovacuum will catch up anyway.
    /// </remarks>
    public static async Task RefreshAsync(IAppDbContext db, ILogger logger, params Type[] entities)
    {
        var model = db.Context.Model;
        var tables = entities.Select(t => model.FindEntityType(t) ?? throw new ArgumentException($"{t.Name} is not mapped.", nameof(entities)))
            .SelectMany(e => e.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).Select(n => n.TargetEntityType).Prepend(e))
            .Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        // Table names come from the model, never from input.
        var analyze = "ANALYZE " + string.Join(", ", tables.Select(t => $"\"{t}\""));
        try
        {
            await db.Database.ExecuteSqlRawAsync(analyze, CancellationToken.None);
        }
        catch (DbException ex)
        {
            logger.LogWarning(ex, "ANALYZE of {Tables} after a bulk write failed; autovacuum will refresh the statistics later", tables);
        }
    }
}
