using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Gives each meeting a table and turns the timetable into a <see cref="MatchSchedule"/>.
/// In every slot the exhibitor's meetings take the lowest free tables, so table j is busy
/// exactly where the load is at least j: an exhibitor's idle gaps then depend only on its load profile.
/// </summary>
internal static class TableAssigner
{
    /// <param name="fixedTables">Tables that must not change (pinned meetings), by pair index.</param>
    public static List<Meeting> Meetings(Timetable timetable, IReadOnlyDictionary<int, int>? fixedTables = null)
    {
        var problem = timetable.Problem;
        var instance = problem.Instance;
        var meetings = new List<Meeting>(timetable.MeetingCount);
        // Order meetings by exhibitor, then slot, then participant index: stable output for a stable timetable.
        var placed = timetable.PlacedPairs()
            .OrderBy(k => problem.PairExhibitor[k]).ThenBy(k => timetable.PairSlot[k]).ThenBy(k => problem.PairParticipant[k]);
        var lastExhibitor = -1;
        var lastSlot = -1;
        var taken = new HashSet<int>();
        foreach (var k in placed)
        {
            int e = problem.PairExhibitor[k], s = timetable.PairSlot[k];
            if (e != lastExhibitor || s != lastSlot)
            {
                taken.Clear();
                if (fixedTables is not null)
                    foreach (var other in problem.PairsOfExhibitor[e])
                        if (timetable.PairSlot[other] == s && fixedTables.TryGetValue(other, out var t)) taken.Add(t);
            }
            lastExhibitor = e;
            lastSlot = s;
            int table;
            if (fixedTables is not null && fixedTables.TryGetValue(k, out var pinnedTable)) table = pinnedTable;
            else
            {
                table = 1;
                while (taken.Contains(table)) table++;
                taken.Add(table);
            }
            var interpreter = timetable.PairInterpreter[k];
            meetings.Add(new Meeting(instance.Participants[problem.PairParticipant[k]].Id, instance.Exhibitors[e].Id,
                problem.Grid.Slots[s].Id, table, interpreter >= 0 ? instance.Interpreters[interpreter].Id : null));
        }
        return meetings;
    }
}
