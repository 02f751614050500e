using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Matchmaking;
using Microsoft.EntityFrameworkCore;
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
        builder.HasOne<Domain.Events.Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        // Two organizers pressing "match" at once must not start two runs that overwrite each other's proposals.
        builder.HasIndex(r => r.EventId).IsUnique()
            .HasFilter("status IN ('Queued', 'Running')")
            .HasDatabaseName(Constraints.OneActiveMatchingRun);
        builder.HasIndex(r => new { r.EventId, r.QueuedAt });
    }
}
