using System.Text.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Matchmaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class MatchingRunConfiguration : IEntityTypeConfiguration<MatchingRun>
{
    public void Configure(EntityTypeBuilder<MatchingRun> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasMaxLength(450);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.OwnsOne(r => r.Figures, f => f.ToJson());
        // A run's whole schedule in one jsonb value, as compact rows [participant, exhibitor, slot, table, interpreter, pinned]:
        // about 150 kB for the Andong event; read only when a run is reviewed, compared or published.
        builder.Property(r => r.Schedule).HasColumnType("jsonb")
            .HasConversion(v => WriteSchedule(v), v => ReadSchedule(v),
                new ValueComparer<IReadOnlyList<PlannedMeeting>?>((a, b) => ReferenceEquals(a, b), v => v == null ? 0 : v.Count, v => v));
        builder.HasOne<Domain.Events.Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        // Two organizers pressing "match" at once must not start two runs that overwrite each other's proposals.
        builder.HasIndex(r => r.EventId).IsUnique()
            .HasFilter("status IN ('Queued', 'Running')")
            .HasDatabaseName(Constraints.OneActiveMatchingRun);
        builder.HasIndex(r => new { r.EventId, r.QueuedAt });
        // Which instance claimed the run, its last heartbeat and progress: how several instances share the runs
        // (MatchingRunExecutor). Shadow properties, because they are the hosts' business, not the run's.
        builder.Property<string?>("Runner").HasMaxLength(200);
        builder.Property<DateTimeOffset?>("HeartbeatAt");
        builder.Property<string?>("Stage").HasMaxLength(64);
        builder.Property<double?>("Fraction");
    }

    private static string WriteSchedule(IReadOnlyList<PlannedMeeting>? schedule) => JsonSerializer.Serialize(
        schedule?.Select(m => new[] { m.ParticipantId, m.ExhibitorId, m.TimeSlotId, m.TableNumber, m.InterpreterId ?? 0, m.Pinned ? 1 : 0 }));

    private static IReadOnlyList<PlannedMeeting>? ReadSchedule(string json) =>
        JsonSerializer.Deserialize<int[][]>(json)?.Select(r => new PlannedMeeting(r[0], r[1], r[2], r[3], r[4] == 0 ? null : r[4], r[5] == 1)).ToList();
}
