namespace ExpoPortal.Bench.B2b;

/// <summary>Checks a B2B timetable against every rule of the paper and counts its breaks.</summary>
public static class B2bChecker
{
    public static int Breaks(B2bProblem problem, int[] slotOf) =>
        BreaksPerBusiness(problem, slotOf).Sum();

    public static int[] BreaksPerBusiness(B2bProblem problem, int[] slotOf) =>
        problem.MeetingsOf().Select(ms =>
        {
            var slots = ms.Select(m => slotOf[m]).Order().ToArray();
            return slots.Zip(slots.Skip(1)).Count(x => x.Second > x.First + 1);
        }).ToArray();

    /// <returns>The broken rules, empty when valid.</returns>
    public static List<string> Check(B2bProblem problem, int[] slotOf, int fairness)
    {
        var errors = new List<string>();
        if (slotOf.Length != problem.Meetings.Count) return [$"expected {problem.Meetings.Count} slots, got {slotOf.Length}"];
        for (var m = 0; m < slotOf.Length; m++)
            if (!problem.AllowedSlots(m).Contains(slotOf[m])) errors.Add($"meeting {m + 1}: slot {slotOf[m] + 1} not allowed");
        foreach (var (ms, b) in problem.MeetingsOf().Select((ms, b) => (ms, b)))
            if (ms.Select(m => slotOf[m]).Distinct().Count() != ms.Length) errors.Add($"business {b + 1}: two meetings in one slot");
        foreach (var load in slotOf.GroupBy(t => t).Where(g => g.Count() > problem.Tables))
            errors.Add($"slot {load.Key + 1}: {load.Count()} meetings for {problem.Tables} tables");
        var breaks = BreaksPerBusiness(problem, slotOf).Where((_, b) => problem.MeetingsOf()[b].Length > 0).ToArray();
        if (breaks.Length > 0 && breaks.Max() - breaks.Min() > fairness) errors.Add($"fairness: breaks range {breaks.Min()}..{breaks.Max()} exceeds {fairness}");
        return errors;
    }
}
