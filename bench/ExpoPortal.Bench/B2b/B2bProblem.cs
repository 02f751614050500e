namespace ExpoPortal.Bench.B2b;

/// <summary>A B2B-forum timetabling problem in the JAIR 2022 paper's terms, 0-based internally.</summary>
public sealed record B2bMeeting(int A, int B, int Session);

public sealed record B2bProblem(int Businesses, int Tables, int Slots, int MorningSlots, IReadOnlyList<B2bMeeting> Meetings, bool[][] Forbidden)
{
    /// <summary>Slots (0-based) where meeting m may be held: its session, and neither side forbidden.</summary>
    public IEnumerable<int> AllowedSlots(int m)
    {
        var meeting = Meetings[m];
        var (from, to) = meeting.Session switch { 1 => (0, MorningSlots), 2 => (MorningSlots, Slots), _ => (0, Slots) };
        for (var t = from; t < to; t++)
            if (!Forbidden[meeting.A][t] && !Forbidden[meeting.B][t]) yield return t;
    }

    public int[][] MeetingsOf()
    {
        var lists = Enumerable.Range(0, Businesses).Select(_ => new List<int>()).ToArray();
        for (var m = 0; m < Meetings.Count; m++)
        {
            lists[Meetings[m].A].Add(m);
            lists[Meetings[m].B].Add(m);
        }
        return lists.Select(l => l.ToArray()).ToArray();
    }
}

/// <summary>Published optima (fairness d = 2) from the paper's Table 3.</summary>
public static class PublishedOptima
{
    public static readonly IReadOnlyDictionary<string, int> Breaks = new Dictionary<string, int>
    {
        ["forum-13"] = 0, ["forum-13crafb"] = 6, ["forum-13crafc"] = 1, ["forum-14"] = 2, ["forumt-14"] = 5,
        ["forumt-14crafc"] = 5, ["forumt-14crafd"] = 4, ["forumt-14crafe"] = 5, ["tic-12"] = 0, ["tic-12crafc"] = 0,
        ["tic-13"] = 0, ["tic-13crafb"] = 0, ["tic-13crafc"] = 4, ["tic-14crafa"] = 0, ["tic-14crafc"] = 0,
        ["tic-14crafd"] = 0, ["ticf-13crafa"] = 0, ["ticf-13crafb"] = 3, ["ticf-13crafc"] = 1, ["ticf-14crafa"] = 0,
    };
}
