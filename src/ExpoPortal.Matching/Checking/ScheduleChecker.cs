using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Checking;

/// <summary>
/// Validates a schedule against every rule of an instance, written independently of the solver
/// (plain dictionaries over ids, no shared data structures), and recomputes its figures.
/// </summary>
public static class ScheduleChecker
{
    /// <param name="pairs">The candidate pairs (explicit, or scored from the profiles).</param>
    /// <param name="compareClaimedFigures">Also flag a schedule whose stated score or idle gaps disagree with the meetings.</param>
    public static CheckReport Check(MatchInstance instance, IReadOnlyList<CandidatePair> pairs, MatchSchedule schedule, bool compareClaimedFigures = false)
    {
        var grid = new SlotTimeline(instance.Slots);
        var violations = new List<Violation>();
        void Add(ViolationKind kind, string message) { if (violations.Count < 1000) violations.Add(new Violation(kind, message)); }

        var participants = instance.Participants.ToDictionary(p => p.Id);
        var exhibitors = instance.Exhibitors.ToDictionary(e => e.Id);
        var interpreters = instance.Interpreters.ToDictionary(i => i.Id);
        var allowed = pairs.ToDictionary(p => (p.Participant, p.Exhibitor));
        bool Available(IReadOnlyList<string>? list, string slot) => list is null || list.Contains(slot);

        var pairSeen = new HashSet<(string, string)>();
        var participantAt = new HashSet<(string, string)>();
        var interpreterAt = new HashSet<(string, string)>();
        var tableAt = new HashSet<(string, int, string)>();
        var exhibitorLoad = new Dictionary<(string, string), int>();
        var participantCount = new Dictionary<string, int>();
        var exhibitorCount = new Dictionary<string, int>();
        long score = 0;
        var valid = new List<Meeting>();

        foreach (var m in schedule.Meetings)
        {
            var label = $"meeting ({m.Participant}, {m.Exhibitor}) in slot {m.Slot}";
            if (!participants.TryGetValue(m.Participant, out var p)) { Add(ViolationKind.UnknownId, $"{label}: unknown participant"); continue; }
            if (!exhibitors.TryGetValue(m.Exhibitor, out var e)) { Add(ViolationKind.UnknownId, $"{label}: unknown exhibitor"); continue; }
            if (!grid.PositionOf.ContainsKey(m.Slot)) { Add(ViolationKind.UnknownId, $"{label}: unknown slot"); continue; }
            Interpreter? interpreter = null;
            if (m.Interpreter is not null && !interpreters.TryGetValue(m.Interpreter, out interpreter)) { Add(ViolationKind.UnknownId, $"{label}: unknown interpreter {m.Interpreter}"); continue; }
            valid.Add(m);

            if (allowed.TryGetValue((m.Participant, m.Exhibitor), out var pair)) score += pair.Score;
            else Add(ViolationKind.PairNotAllowed, $"{label}: not a candidate pair (not listed, blocked or not interested)");
            if (!pairSeen.Add((m.Participant, m.Exhibitor))) Add(ViolationKind.PairMeetsTwice, $"{label}: this pair already meets in another slot");
            if (!participantAt.Add((m.Participant, m.Slot))) Add(ViolationKind.ParticipantDoubleBooked, $"{label}: participant has another meeting in this slot");
            if (m.Table < 1 || m.Table > e.Tables) Add(ViolationKind.TableOutOfRange, $"{label}: table {m.Table} outside 1..{e.Tables}");
            else if (!tableAt.Add((m.Exhibitor, m.Table, m.Slot))) Add(ViolationKind.TableDoubleBooked, $"{label}: table {m.Table} already holds a meeting");
            var load = exhibitorLoad[(m.Exhibitor, m.Slot)] = exhibitorLoad.GetValueOrDefault((m.Exhibitor, m.Slot)) + 1;
            if (load == e.Tables + 1) Add(ViolationKind.ExhibitorOverTables, $"{label}: exhibitor holds more than {e.Tables} meetings in this slot");
            if (!Available(p.Available, m.Slot)) Add(ViolationKind.ParticipantUnavailable, $"{label}: participant not available");
            if (!Available(e.Available, m.Slot)) Add(ViolationKind.ExhibitorUnavailable, $"{label}: exhibitor not available");
            if ((participantCount[p.Id] = participantCount.GetValueOrDefault(p.Id) + 1) == p.MaxMeetings + 1)
                Add(ViolationKind.ParticipantOverLimit, $"participant {p.Id}: more than maxMeetings {p.MaxMeetings}");
            if ((exhibitorCount[e.Id] = exhibitorCount.GetValueOrDefault(e.Id) + 1) == e.MaxMeetings + 1)
                Add(ViolationKind.ExhibitorOverLimit, $"exhibitor {e.Id}: more than maxMeetings {e.MaxMeetings}");

            if (interpreter is null)
            {
                if (!LanguageRules.Shared(p.Languages, e.Languages)) Add(ViolationKind.InterpreterMissing, $"{label}: no common language and no interpreter");
            }
            else
            {
                if (!LanguageRules.Bridges(interpreter.Languages, p.Languages, e.Languages))
                    Add(ViolationKind.InterpreterLanguage, $"{label}: interpreter {interpreter.Id} does not speak a language of each side");
                if (!Available(interpreter.Available, m.Slot)) Add(ViolationKind.InterpreterUnavailable, $"{label}: interpreter {interpreter.Id} not available");
                if (!interpreterAt.Add((interpreter.Id, m.Slot))) Add(ViolationKind.InterpreterDoubleBooked, $"{label}: interpreter {interpreter.Id} is in another meeting");
            }
        }

        var idleGaps = CountIdleGaps(grid, valid);
        var held = pairSeen;
        var mustMeetMissed = pairs.Count(p => p.MustMeet && !held.Contains((p.Participant, p.Exhibitor))
            && ShareASlot(instance.Slots, participants[p.Participant].Available, exhibitors[p.Exhibitor].Available));
        var belowMinimum = CountBelowMinimum(instance, pairs, participants, exhibitorCount);

        if (compareClaimedFigures)
        {
            if (schedule.Score != score) Add(ViolationKind.FigureMismatch, $"score: file says {schedule.Score}, meetings add up to {score}");
            if (schedule.IdleGaps != idleGaps) Add(ViolationKind.FigureMismatch, $"idleGaps: file says {schedule.IdleGaps}, meetings give {idleGaps}");
            if (schedule.MustMeetMissed != mustMeetMissed) Add(ViolationKind.FigureMismatch, $"mustMeetMissed: file says {schedule.MustMeetMissed}, meetings give {mustMeetMissed}");
            if (schedule.ExhibitorsBelowMinimum != belowMinimum) Add(ViolationKind.FigureMismatch, $"exhibitorsBelowMinimum: file says {schedule.ExhibitorsBelowMinimum}, meetings give {belowMinimum}");
        }
        return new CheckReport(violations, score, idleGaps, belowMinimum, mustMeetMissed, schedule.Meetings.Count,
            CountHallChanges(grid, valid, exhibitors));
    }

    /// <summary>Gaps of every participant and every exhibitor table, day by day.</summary>
    internal static int CountIdleGaps(SlotTimeline grid, IEnumerable<Meeting> meetings)
    {
        var list = meetings.ToList();
        var byParticipant = list.GroupBy(m => m.Participant);
        var byTable = list.GroupBy(m => (m.Exhibitor, m.Table));
        return byParticipant.Sum(g => grid.GapsOf(g.Select(m => grid.PositionOf[m.Slot]).Order()))
             + byTable.Sum(g => grid.GapsOf(g.Select(m => grid.PositionOf[m.Slot]).Order()));
    }

    /// <summary>Back-to-back meetings of a participant at exhibitors in different halls (halls given on both).</summary>
    internal static int CountHallChanges(SlotTimeline grid, IEnumerable<Meeting> meetings, IReadOnlyDictionary<string, Exhibitor> exhibitors) =>
        meetings.GroupBy(m => m.Participant).Sum(g =>
        {
            var ordered = g.OrderBy(m => grid.PositionOf[m.Slot]).ToList();
            return ordered.Zip(ordered.Skip(1)).Count(x =>
                grid.Consecutive(grid.PositionOf[x.First.Slot], grid.PositionOf[x.Second.Slot])
                && exhibitors[x.First.Exhibitor].Hall is { } a && exhibitors[x.Second.Exhibitor].Hall is { } b && a != b);
        });

    /// <summary>
    /// Exhibitors with fewer meetings than their minimum, where the candidates allow it: the minimum is
    /// capped by the number of candidate participants who share at least one available slot with the exhibitor.
    /// </summary>
    private static int CountBelowMinimum(MatchInstance instance, IReadOnlyList<CandidatePair> pairs,
        Dictionary<string, Participant> participants, Dictionary<string, int> exhibitorCount)
    {
        var reachable = pairs.GroupBy(p => p.Exhibitor).ToDictionary(g => g.Key, g => g.Select(p => participants[p.Participant]).ToList());
        var below = 0;
        foreach (var e in instance.Exhibitors)
        {
            if (e.MinMeetings == 0) continue;
            var candidates = reachable.GetValueOrDefault(e.Id)?.Count(p => p.MaxMeetings > 0 && ShareASlot(instance.Slots, p.Available, e.Available)) ?? 0;
            var exhibitorSlots = e.Available?.Count ?? instance.Slots.Count;
            var attainable = Math.Min(Math.Min(e.MinMeetings, candidates), Math.Min(e.MaxMeetings, e.Tables * exhibitorSlots));
            if (exhibitorCount.GetValueOrDefault(e.Id) < attainable) below++;
        }
        return below;
    }

    private static bool ShareASlot(IReadOnlyList<Slot> slots, IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? (b is null ? slots.Count > 0 : b.Count > 0)
        : b is null ? a.Count > 0 : a.Intersect(b).Any();
}
