using System.Text.Json;
using ExpoPortal.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(60);
        builder.OwnsLocalized(e => e.Name);
        builder.OwnsLocalized(e => e.Venue);
        builder.OwnsLocalized(e => e.City);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.HostProvinceCode).HasMaxLength(10);
        builder.Property(e => e.BookingOpen).HasDefaultValue(true);
        builder.Property(e => e.CancellationCutoffHours).HasDefaultValue(24);
        builder.Property(e => e.MaxPendingRequests).HasDefaultValue(5);
        builder.Property(e => e.RequestExpiryHours).HasDefaultValue(48);

        // The grid is read and replaced whole, never queried by its parts: one jsonb column.
        builder.Property(e => e.SlotGrid)
            .HasColumnType("jsonb")
            .HasConversion(
                grid => JsonSerializer.Serialize(grid, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<SlotGrid>(json, JsonSerializerOptions.Default)!,
                new ValueComparer<SlotGrid>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                    g => JsonSerializer.Serialize(g, JsonSerializerOptions.Default).GetHashCode(),
                    g => g));

        builder.HasMany(e => e.Slots).WithOne(s => s.Event).HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Slots).HasField("_slots");
    }
}

internal sealed class TimeSlotConfiguration : IEntityTypeConfiguration<TimeSlot>
{
    public void Configure(EntityTypeBuilder<TimeSlot> builder)
    {
        builder.HasIndex(s => new { s.EventId, s.Day, s.IndexInDay }).IsUnique();
        builder.HasIndex(s => new { s.EventId, s.StartsAt });
    }
}
