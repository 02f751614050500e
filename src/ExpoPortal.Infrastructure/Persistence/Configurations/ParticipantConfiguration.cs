using ExpoPortal.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.ImportScale).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.KoreanName).HasMaxLength(100);
        builder.Property(p => p.Company).HasMaxLength(200);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.Chapter).HasMaxLength(100);
        builder.Property(p => p.Hotel).HasMaxLength(200);
        builder.PrimitiveCollection(p => p.CategoryInterests).ElementType(e => e.HasConversion<string>());
        builder.HasOne(p => p.Event).WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.InvitedBy).WithMany().HasForeignKey(p => p.InvitedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.EventId, p.CountryCode });
        // Imports find a participant by e-mail, so one address names one participant of an event.
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.HasIndex(p => new { p.EventId, p.Email }).IsUnique().HasFilter("email IS NOT NULL").HasDatabaseName("ux_participants_event_email");
        builder.Property(p => p.MaxMeetings).HasDefaultValue(10);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_participants_stay", "departs_at > arrives_at");
            t.HasCheckConstraint("ck_participants_max_meetings", "max_meetings BETWEEN 1 AND 100");
        });
    }
}
