using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.MailStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.MailLanguage).HasMaxLength(2);
        // An invitation's link carries its set-password token.
        builder.Property(n => n.Link).HasMaxLength(1000);
        builder.Property(n => n.RecipientUserId).HasMaxLength(450);
        builder.OwnsLocalized(n => n.Title, 300);
        builder.OwnsLocalized(n => n.Body, 2000);
        builder.HasOne<Domain.Events.Event>().WithMany().HasForeignKey(n => n.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Participants.Participant>().WithMany().HasForeignKey(n => n.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Exhibitors.Exhibitor>().WithMany().HasForeignKey(n => n.ExhibitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.ParticipantId, n.ReadAt });
        builder.HasIndex(n => new { n.ExhibitorId, n.ReadAt });
        // The mailer's outbox: pending mails, oldest first.
        builder.HasIndex(n => new { n.MailStatus, n.Id }).HasFilter("mail_status = 'Pending'");
        builder.ToTable(t => t.HasCheckConstraint("ck_notifications_one_recipient", "(participant_id IS NULL) <> (exhibitor_id IS NULL)"));
    }
}

internal sealed class MeetingRequestConfiguration : IEntityTypeConfiguration<MeetingRequest>
{
    public void Configure(EntityTypeBuilder<MeetingRequest> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Message).HasMaxLength(MeetingRequest.MaxMessageLength);
        builder.HasOne<Domain.Events.Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Participants.Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Exhibitors.Exhibitor>().WithMany().HasForeignKey(r => r.ExhibitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Domain.Events.TimeSlot>().WithMany().HasForeignKey(r => r.PreferredSlotId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.SetNull);
        // One open request per pair: a second click or a retry cannot queue another.
        builder.HasIndex(r => new { r.ParticipantId, r.ExhibitorId }).IsUnique().HasFilter("status = 'Pending'")
            .HasDatabaseName(Application.Common.Constraints.OnePendingRequestPerPair);
        builder.HasIndex(r => new { r.Status, r.ExpiresAt });
        builder.HasIndex(r => r.ExhibitorId);
    }
}
