using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    /// <summary>SQL for "this meeting holds its slot", built from the domain's own list of inactive statuses.</summary>
    internal static readonly string HoldsSlotSql =
        $"status NOT IN ({string.Join(", ", MeetingStatuses.Inactive.Select(s => $"'{s}'"))})";

    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        // Ids from a sequence in blocks (HiLo), known before the insert: a booking saves its audit entry, which names
        // the meeting, in the same round trip as the meeting instead of a second one.
        builder.Property(m => m.Id).UseHiLo("meetings_hilo");
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Origin).HasConversion<string>().HasMaxLength(32);
        builder.OwnsOne(m => m.Outcome, o => o.ToJson());

        builder.HasOne(m => m.Participant).WithMany().HasForeignKey(m => m.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Exhibitor).WithMany().HasForeignKey(m => m.ExhibitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.TimeSlot).WithMany().HasForeignKey(m => m.TimeSlotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Interpreter).WithMany().HasForeignKey(m => m.InterpreterId).OnDelete(DeleteBehavior.SetNull);
        // A sign-in id without a foreign key: sign-ins live in the Identity store. Removing a colleague clears its
        // meetings' owner in the same transaction (Identity/StaffAccounts), so they show as unowned.
        builder.Property(m => m.OwnerUserId).HasMaxLength(450);
        builder.HasIndex(m => m.OwnerUserId);
        builder.HasOne<Domain.Events.Event>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);

        // The database itself refuses double bookings, whatever code path writes the meeting.
        builder.HasIndex(m => new { m.ExhibitorId, m.TimeSlotId, m.TableNumber })
            .IsUnique().HasFilter(HoldsSlotSql).HasDatabaseName(Constraints.MeetingTableSlot);
        builder.HasIndex(m => new { m.ParticipantId, m.TimeSlotId })
            .IsUnique().HasFilter(HoldsSlotSql).HasDatabaseName(Constraints.MeetingParticipantSlot);
        builder.HasIndex(m => new { m.InterpreterId, m.TimeSlotId })
            .IsUnique().HasFilter($"interpreter_id IS NOT NULL AND {HoldsSlotSql}").HasDatabaseName(Constraints.MeetingInterpreterSlot);
        builder.HasIndex(m => new { m.EventId, m.Status });
        // A retried booking carries the same key and finds the meeting the first attempt made.
        builder.Property(m => m.ClientRequestId).HasMaxLength(64);
        builder.HasIndex(m => new { m.EventId, m.ClientRequestId }).IsUnique().HasFilter("client_request_id IS NOT NULL")
            .HasDatabaseName(Constraints.MeetingClientRequest);
        builder.HasOne<Domain.Matchmaking.MatchingRun>().WithMany().HasForeignKey(m => m.MatchingRunId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("ck_meetings_table_number", "table_number >= 1"));
    }
}

internal sealed class MeetingWishConfiguration : IEntityTypeConfiguration<MeetingWish>
{
    public void Configure(EntityTypeBuilder<MeetingWish> builder)
    {
        builder.Property(w => w.WishedBy).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.Level).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(w => new { w.ParticipantId, w.ExhibitorId, w.WishedBy }).IsUnique();
        builder.HasIndex(w => w.ExhibitorId);
        builder.HasOne<Domain.Events.Event>().WithMany().HasForeignKey(w => w.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Participants.Participant>().WithMany().HasForeignKey(w => w.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Exhibitors.Exhibitor>().WithMany().HasForeignKey(w => w.ExhibitorId).OnDelete(DeleteBehavior.Cascade);
    }
}
