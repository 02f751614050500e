using ExpoPortal.Domain.Venues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class HallConfiguration : IEntityTypeConfiguration<Hall>
{
    public void Configure(EntityTypeBuilder<Hall> builder)
    {
        builder.HasIndex(h => new { h.EventId, h.Code }).IsUnique();
        builder.Property(h => h.Code).HasMaxLength(10);
        builder.OwnsLocalized(h => h.Name);
        builder.HasOne(h => h.Event).WithMany().HasForeignKey(h => h.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BoothConfiguration : IEntityTypeConfiguration<Booth>
{
    public void Configure(EntityTypeBuilder<Booth> builder)
    {
        builder.HasIndex(b => new { b.EventId, b.Code }).IsUnique();
        // Lets exhibitors reference (event, booth) so a booth of another event cannot be assigned.
        builder.HasAlternateKey(b => new { b.EventId, b.Id });
        builder.Property(b => b.Code).HasMaxLength(16);
        builder.Property(b => b.Zone).HasMaxLength(60);
        builder.OwnsOne(b => b.Position);
        builder.Navigation(b => b.Position).IsRequired();
        builder.HasOne(b => b.Event).WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.Hall).WithMany().HasForeignKey(b => b.HallId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_booths_meeting_tables", "meeting_tables BETWEEN 1 AND 20"));
    }
}
