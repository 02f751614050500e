using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Meetings;

namespace ExpoPortal.UnitTests.Meetings;

public sealed class MeetingTests
{
    private static Meeting Booked() => new(1, 2, 3, 4, 1, MeetingOrigin.RequestedByParticipant, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_booked_meeting_holds_its_slot_and_can_be_checked_in_and_held()
    {
        var meeting = Booked();
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);

        foreach (var next in new[] { MeetingStatus.CheckedIn, MeetingStatus.Held })
            meeting.MoveTo(next, DateTimeOffset.UnixEpoch);

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.True(meeting.HoldsSlot);
    }

    [Fact]
    public void A_cancelled_meeting_frees_the_slot_and_cannot_be_revived()
    {
        var meeting = Booked();
        meeting.MoveTo(MeetingStatus.Cancelled, DateTimeOffset.UnixEpoch);

        Assert.False(meeting.HoldsSlot);
        Assert.Throws<DomainException>(() => meeting.MoveTo(MeetingStatus.Scheduled, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Organizer_arranged_meetings_start_scheduled() =>
        Assert.Equal(MeetingStatus.Scheduled, new Meeting(1, 2, 3, 4, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UnixEpoch).Status);

    [Fact]
    public void Only_a_meeting_that_took_place_gets_an_outcome()
    {
        var meeting = Booked();
        var outcome = new MeetingOutcome(true, 50_000m, "Sample order", DateTimeOffset.UnixEpoch);

        Assert.Throws<DomainException>(() => meeting.RecordOutcome(outcome));
        meeting.MoveTo(MeetingStatus.CheckedIn, DateTimeOffset.UnixEpoch);
        meeting.RecordOutcome(outcome);
        Assert.Equal(outcome, meeting.Outcome);
    }

    [Fact]
    public void Moving_a_meeting_raises_its_sequence_and_a_cancelled_one_cannot_move()
    {
        var meeting = Booked();
        meeting.MoveToSlot(5, 2, DateTimeOffset.UnixEpoch);
        Assert.Equal((5, 2, 1), (meeting.TimeSlotId, meeting.TableNumber, meeting.Sequence));

        meeting.MoveTo(MeetingStatus.Cancelled, DateTimeOffset.UnixEpoch);
        Assert.Throws<DomainException>(() => meeting.MoveToSlot(6, 1, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void The_statuses_that_free_a_slot_are_exactly_declined_and_cancelled() =>
        Assert.Equal([MeetingStatus.Declined, MeetingStatus.Cancelled], Enum.GetValues<MeetingStatus>().Where(s => !s.HoldsSlot()));
}
