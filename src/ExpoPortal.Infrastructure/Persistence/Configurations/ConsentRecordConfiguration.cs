using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("consent_records", t =>
        {
            t.HasCheckConstraint("ck_consent_records_subject", "participant_id IS NOT NULL OR user_id IS NOT NULL");
            t.HasCheckConstraint("ck_consent_records_purpose", "purpose IN ('matching', 'share_profile', 'directory_book')");
        });
        builder.Property(c => c.Purpose).HasMaxLength(32);
        builder.Property(c => c.PolicyVersion).HasMaxLength(16);
        builder.Property(c => c.Method).HasMaxLength(32);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Exhibitor>().WithMany().HasForeignKey(c => c.ExhibitorId).OnDelete(DeleteBehavior.Cascade);
        // The latest answer per person and purpose, read for every list shown to exhibitors and every matching run.
        builder.HasIndex(c => new { c.ParticipantId, c.Purpose, c.Id });
        builder.HasIndex(c => new { c.UserId, c.Purpose, c.Id });
        builder.HasIndex(c => new { c.ExhibitorId, c.Purpose });
    }
}
