using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Meetings;

namespace ExpoPortal.UnitTests.Meetings;

public sealed class MeetingTests
{
    private static Meeting Requested() => new(1, 2, 3, 4, 1, MeetingOrigin.RequestedByParticipant, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_request_can_be_accepted_scheduled_checked_in_and_held()
    {
        var meeting = Requested();

        foreach (var next in new[] { MeetingStatus.Accepted, MeetingStatus.Scheduled, MeetingStatus.CheckedIn, MeetingStatus.Held })
            meeting.MoveTo(next, DateTimeOffset.UnixEpoch);

        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.True(meeting.HoldsSlot);
    }

    [Fact]
    public void A_declined_meeting_frees_the_slot_and_cannot_be_revived()
    {
        var meeting = Requested();
        meeting.MoveTo(MeetingStatus.Declined, DateTimeOffset.UnixEpoch);

        Assert.False(meeting.HoldsSlot);
        Assert.Throws<DomainException>(() => meeting.MoveTo(MeetingStatus.Scheduled, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Organizer_arranged_meetings_start_scheduled() =>
        Assert.Equal(MeetingStatus.Scheduled, new Meeting(1, 2, 3, 4, 1, MeetingOrigin.ArrangedByOrganizer, DateTimeOffset.UnixEpoch).Status);

    [Fact]
    public void Only_a_meeting_that_took_place_gets_an_outcome()
    {
        var meeting = Requested();
        var outcome = new MeetingOutcome(true, 50_000m, "Sample order", DateTimeOffset.UnixEpoch);

        Assert.Throws<DomainException>(() => meeting.RecordOutcome(outcome));
        meeting.MoveTo(MeetingStatus.Accepted, DateTimeOffset.UnixEpoch);
        meeting.MoveTo(MeetingStatus.CheckedIn, DateTimeOffset.UnixEpoch);
        meeting.RecordOutcome(outcome);
        Assert.Equal(outcome, meeting.Outcome);
    }

    [Fact]
    public void The_statuses_that_free_a_slot_are_exactly_declined_and_cancelled() =>
        Assert.Equal([MeetingStatus.Declined, MeetingStatus.Cancelled], Enum.GetValues<MeetingStatus>().Where(s => !s.HoldsSlot()));
}
