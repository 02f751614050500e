using ExpoPortal.Domain.Audit;
using ExpoPortal.Domain.Events;
using ExpoPortal.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class EventOrganizerConfiguration : IEntityTypeConfiguration<EventOrganizer>
{
    public void Configure(EntityTypeBuilder<EventOrganizer> builder)
    {
        builder.HasKey(g => new { g.EventId, g.UserId });
        builder.HasOne<Event>().WithMany().HasForeignKey(g => g.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.GrantedBy).HasMaxLength(450);
        builder.HasIndex(g => g.UserId); // the claims of one user at sign-in
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Subject).HasMaxLength(128);
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Before).HasColumnType("jsonb");
        builder.Property(a => a.After).HasColumnType("jsonb");
        // Kept when the event is deleted: the log outlives what it describes.
        builder.HasOne<Event>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.EventId, a.At });
        builder.HasIndex(a => new { a.Subject, a.At });
    }
}
