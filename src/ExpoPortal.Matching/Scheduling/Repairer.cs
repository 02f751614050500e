namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Completes a timetable: places chosen pairs the timetabler could not, forcing must-meets and owed
/// exhibitor minimums in by ejecting cheaper meetings when needed, then fills any remaining capacity
/// with the best unused candidates.
/// </summary>
internal static class Repairer
{
    public static void Complete(Timetable timetable, bool[]? chosen, int[]? scarcity = null)
    {
        var problem = timetable.Problem;
        var order = GreedyScheduler.ByScore(problem, mustMeetFirst: true).ToList();

        // 1. Must-meets, forced in when needed; the chosen ones first, since the selection picked them to fit together
        // (a pool full of must-meets: another must-meet of the pool would take an interpreter a chosen one needs).
        void PlaceMustMeets(List<int> mustMeets, bool chain)
        {
            foreach (var k in mustMeets)
                if (!timetable.IsPlaced(k) && !GreedyScheduler.PlaceWhereCompact(timetable, k, scarcity)) ForceIn(timetable, k, scarcity);
            RecoverMustMeets(timetable, mustMeets, scarcity, chain);
        }
        PlaceMustMeets(order.Where(k => problem.PairMustMeet[k] && chosen?[k] == true).ToList(), chain: true);
        PlaceMustMeets(order.Where(k => problem.PairMustMeet[k] && chosen?[k] != true).ToList(), chain: false);

        // 2. Exhibitors below the minimum they are owed.
        for (var e = 0; e < problem.Exhibitors; e++)
        {
            var owed = problem.OwedMinimum(e);
            foreach (var k in problem.PairsOfExhibitor[e].OrderByDescending(k => problem.PairScore[k]).ThenBy(k => k))
            {
                if (timetable.ExhibitorMeetings[e] >= owed) break;
                if (timetable.IsPlaced(k)) continue;
                if (!GreedyScheduler.PlaceWhereCompact(timetable, k, scarcity)) ForceIn(timetable, k, scarcity);
            }
        }

        // 3. Participants still without the one meeting they are owed: their best pair that fits, else forced in.
        for (var p = 0; p < problem.Participants; p++)
        {
            if (!problem.IsOwedAMeeting(p) || timetable.ParticipantMeetings[p] > 0) continue;
            var candidates = problem.PairsOfParticipant[p].OrderByDescending(k => problem.PairScore[k]).ThenBy(k => k).ToList();
            if (!candidates.Any(k => GreedyScheduler.PlaceWhereCompact(timetable, k, scarcity)))
                candidates.Any(k => ForceIn(timetable, k, scarcity));
        }

        // 4. The rest of the chosen pairs, then any candidate that still fits.
        if (chosen is not null)
            foreach (var k in order.Where(k => chosen[k] && !timetable.IsPlaced(k)))
                GreedyScheduler.PlaceWhereCompact(timetable, k, scarcity);
        foreach (var k in order.Where(k => !timetable.IsPlaced(k)))
            GreedyScheduler.PlaceWhereCompact(timetable, k, scarcity);
    }

    /// <summary>
    /// Places pair k by removing the cheapest set of blocking meetings (never pinned ones, never must-meets,
    /// never one that would drop an exhibitor below its owed minimum or leave a participant without the
    /// meeting it is owed), then tries to re-place those.
    /// </summary>
    private static bool ForceIn(Timetable timetable, int k, int[]? scarcity) => ForceIn(timetable, k, scarcity, long.MaxValue, out _);

    /// <summary>
    /// First meetings that push a must-meet aside. Must-meets come first, so where interpreters are scarce the
    /// must-meets of a few can hold every interpreter a buyer could use. A buyer without a meeting may then take the
    /// slot of another participant's second or later meeting, must-meet included, when that meeting finds another
    /// slot (no must-meet lost), and also at the cost of a must-meet while more participants are without a meeting
    /// than in <paramref name="baseline"/> (the naive greedy must never be better on a priority) — never so far
    /// that more must-meets are missed than there.
    /// </summary>
    public static void FirstMeetingsNoWorseThan(Timetable timetable, Timetable baseline, int[]? scarcity)
    {
        var problem = timetable.Problem;
        var baselineMustMissed = MustMeetsMissed(baseline);
        var baselineWithout = ParticipantsWithout(baseline);
        var mustMissed = MustMeetsMissed(timetable);
        var without = ParticipantsWithout(timetable);
        for (var p = 0; p < problem.Participants; p++)
        {
            if (!problem.IsOwedAMeeting(p) || timetable.ParticipantMeetings[p] > 0) continue;
            var mustMissedLimit = without > baselineWithout ? Math.Max(baselineMustMissed, mustMissed) : mustMissed;
            foreach (var k in problem.PairsOfParticipant[p].OrderByDescending(k => problem.PairScore[k]).ThenBy(k => k))
            {
                if (!ForceIn(timetable, k, scarcity, long.MaxValue, out var ejected, MustMeetBlockers.AsOthers)) continue;
                var missedNow = MustMeetsMissed(timetable);
                if (missedNow <= mustMissedLimit) { mustMissed = missedNow; without--; break; }
                Undo(timetable, k, ejected);
            }
        }
    }

    /// <summary>
    /// Must-meets still missing, each given one more chance: pushed in where another must-meet holds the slot or the
    /// interpreter it needs, kept only when every must-meet pushed out finds another slot. With <paramref name="chain"/>
    /// (for the must-meets the selection chose to fit together), a must-meet pushed out may in turn push out another:
    /// with a pool whose interpreter-slots all go to must-meets, the one free interpreter-slot is often outside the
    /// missing meeting's hours and two must-meets have to shift for it.
    /// </summary>
    private static void RecoverMustMeets(Timetable timetable, List<int> mustMeets, int[]? scarcity, bool chain)
    {
        foreach (var k in mustMeets)
            if (!timetable.IsPlaced(k) && !PushIn(timetable, k, scarcity, depth: 0, out _) && chain) PushIn(timetable, k, scarcity, depth: 1, out _);
    }

    /// <summary>
    /// Places must-meet k in some slot, others moving aside; every must-meet pushed out must find another slot, with
    /// <paramref name="depth"/> &gt; 0 by pushing in the same way in turn. Leaves the timetable as it was when no slot works.
    /// </summary>
    private static bool PushIn(Timetable timetable, int k, int[]? scarcity, int depth, out List<(int Pair, int Slot, int Interpreter)> ejected)
    {
        var problem = timetable.Problem;
        var pushed = new List<(int Pair, List<(int Pair, int Slot, int Interpreter)> Ejected)>();
        for (var s = 0; s < problem.Slots; s++)
        {
            if (!ForceIn(timetable, k, scarcity, long.MaxValue, out ejected, MustMeetBlockers.ToMove, onlySlot: s)) continue;
            timetable.Pinned[k] = true; // a push it causes in turn must not undo it
            pushed.Clear();
            var placed = true;
            foreach (var (x, _, _) in ejected)
            {
                if (!problem.PairMustMeet[x] || timetable.IsPlaced(x)) continue;
                if (depth == 0 || !PushIn(timetable, x, scarcity, depth - 1, out var second)) { placed = false; break; }
                pushed.Add((x, second));
            }
            timetable.Pinned[k] = false;
            if (placed) return true;
            // Back to where this slot's try began: the pushes it caused last to first, then its own.
            for (var i = pushed.Count - 1; i >= 0; i--) Undo(timetable, pushed[i].Pair, pushed[i].Ejected);
            Undo(timetable, k, ejected);
        }
        ejected = [];
        return false;
    }

    public static int MustMeetsMissed(Timetable t)
    {
        var problem = t.Problem;
        var missed = 0;
        for (var k = 0; k < problem.PairCount; k++) if (problem.PairMustMeet[k] && !t.IsPlaced(k)) missed++;
        return missed;
    }

    public static int ParticipantsWithout(Timetable t)
    {
        var problem = t.Problem;
        var without = 0;
        for (var p = 0; p < problem.Participants; p++) if (problem.IsOwedAMeeting(p) && t.ParticipantMeetings[p] == 0) without++;
        return without;
    }

    private static void Undo(Timetable timetable, int k, List<(int Pair, int Slot, int Interpreter)> ejected)
    {
        timetable.Remove(k);
        foreach (var (pair, _, _) in ejected) timetable.Remove(pair);
        foreach (var (pair, slot, interpreter) in ejected) timetable.Place(pair, slot, interpreter);
    }

    /// <summary>
    /// Score improvement: each unused candidate, best first, may push out meetings worth less than itself
    /// (which then look for another slot). A change is kept only if the total score rises.
    /// </summary>
    private const int MaxImproveAttempts = 40_000;

    public static int ImproveScore(Timetable timetable, DateTime deadline, int[]? scarcity = null, CancellationToken cancellation = default)
    {
        var problem = timetable.Problem;
        var gained = 0;
        var attempts = 0;
        foreach (var k in GreedyScheduler.ByScore(problem, mustMeetFirst: true).ToList())
        {
            if (timetable.IsPlaced(k) || problem.PairScore[k] == 0) continue;
            // A fixed amount of work keeps runs reproducible; the deadline is only a safety stop.
            if (++attempts > MaxImproveAttempts || DateTime.UtcNow > deadline) break;
            cancellation.ThrowIfCancellationRequested();
            var before = timetable.Score;
            if (!ForceIn(timetable, k, scarcity, problem.PairScore[k] + 1, out var ejected)) continue;
            if (timetable.Score > before) { gained++; continue; }
            // Not better: put everything back where it was.
            Undo(timetable, k, ejected);
        }
        return gained;
    }

    /// <param name="mustMeets">Whether must-meets may be pushed out too (they may find another slot), at a loss that
    /// outweighs any score, so other meetings go first.</param>
    private static bool ForceIn(Timetable timetable, int k, int[]? scarcity, long maxLoss, out List<(int Pair, int Slot, int Interpreter)> ejected,
        MustMeetBlockers mustMeets = MustMeetBlockers.Never, int onlySlot = -1)
    {
        ejected = [];
        var problem = timetable.Problem;
        int p = problem.PairParticipant[k], e = problem.PairExhibitor[k];
        // The cheapest removable meeting of the exhibitor in each slot and overall, and of the participant overall,
        // found in one pass each instead of once per slot: the same choice as a search per slot, without its cost
        // (this runs for every unused candidate while the score is improved).
        Span<int> exhibitorInSlot = stackalloc int[problem.Slots];
        exhibitorInSlot.Fill(Timetable.None);
        var exhibitorCheapest = Timetable.None;
        foreach (var x in problem.PairsOfExhibitor[e])
        {
            var at = timetable.PairSlot[x];
            if (at == Timetable.None || !Removable(timetable, x, mustMeets)) continue;
            if (Cheaper(problem, x, exhibitorInSlot[at])) exhibitorInSlot[at] = x;
            if (Cheaper(problem, x, exhibitorCheapest)) exhibitorCheapest = x;
        }
        var participantFull = timetable.ParticipantMeetings[p] >= problem.ParticipantCapacity[p];
        var participantCheapest = Timetable.None;
        if (participantFull)
            foreach (var x in problem.PairsOfParticipant[p])
                if (timetable.IsPlaced(x) && Removable(timetable, x, mustMeets) && Cheaper(problem, x, participantCheapest)) participantCheapest = x;
        var exhibitorFull = timetable.ExhibitorMeetings[e] >= problem.ExhibitorCapacity[e];

        List<int>? bestBlockers = null;
        var bestSlot = -1;
        var bestLoss = long.MaxValue;
        var blockers = new List<int>(4);
        for (var s = 0; s < problem.Slots; s++)
        {
            if (!problem.ParticipantAvailable[p][s] || !problem.ExhibitorAvailable[e][s] || (onlySlot >= 0 && s != onlySlot)) continue;
            // None of these can be the same meeting: the participant's are with other exhibitors, the exhibitor's with
            // other participants (the pair itself is not placed), and the exhibitor's overall cheapest is taken only
            // when none of its meetings is a blocker yet.
            blockers.Clear();
            var atSlot = timetable.ParticipantAt[p][s];
            if (atSlot != Timetable.None)
            {
                if (!Removable(timetable, atSlot, mustMeets)) continue;
                blockers.Add(atSlot);
            }
            if (timetable.ExhibitorLoad[e][s] >= problem.Tables[e])
            {
                if (exhibitorInSlot[s] == Timetable.None) continue;
                blockers.Add(exhibitorInSlot[s]);
            }
            if (atSlot == Timetable.None && participantFull)
            {
                if (participantCheapest == Timetable.None) continue;
                blockers.Add(participantCheapest);
            }
            if (exhibitorFull && !blockers.Exists(x => problem.PairExhibitor[x] == e))
            {
                if (exhibitorCheapest == Timetable.None) continue;
                blockers.Add(exhibitorCheapest);
            }
            var ok = true;
            // A scarce interpreter: free one who can bridge this pair by moving a cheaper meeting.
            if (problem.PairInterpreters[k] is { } bridging && timetable.InterpreterFor(k, s) == -2)
            {
                var holders = bridging.Where(i => problem.InterpreterAvailable[i][s]).Select(i => timetable.InterpreterAt[i][s]).Where(x => x != Timetable.None);
                if (!holders.Any(blockers.Contains)) ok &= AddCheapest(timetable, holders, blockers, mustMeets);
            }
            if (!ok) continue;
            var loss = 0L;
            foreach (var x in blockers) loss += Loss(problem, x);
            if (loss < bestLoss && loss < maxLoss) { bestLoss = loss; bestSlot = s; bestBlockers = [.. blockers]; }
        }
        if (bestBlockers is null) return false;

        var saved = bestBlockers.Select(b => (Pair: b, Slot: timetable.PairSlot[b], Interpreter: timetable.PairInterpreter[b])).ToList();
        foreach (var b in bestBlockers) timetable.Remove(b);
        if (!timetable.TryPlace(k, bestSlot, scarcity))
        {
            // No interpreter free: undo.
            foreach (var (pair, slot, interpreter) in saved) timetable.Place(pair, slot, interpreter);
            return false;
        }
        foreach (var b in bestBlockers) GreedyScheduler.PlaceWhereCompact(timetable, b, scarcity);
        ejected = saved;
        return true;
    }

    /// <summary>Whether <paramref name="x"/> is a cheaper blocker than <paramref name="than"/> (ties to the lower index, none is never cheaper).</summary>
    private static bool Cheaper(MatchProblem problem, int x, int than)
    {
        if (than == Timetable.None) return true;
        var (lx, lt) = (Loss(problem, x), Loss(problem, than));
        return lx < lt || (lx == lt && x < than);
    }

    private static long Loss(MatchProblem problem, int pair) => problem.PairScore[pair] + 1L + (problem.PairMustMeet[pair] ? MustMeetLoss : 0);
    private const long MustMeetLoss = 1L << 40;

    private static bool AddCheapest(Timetable timetable, IEnumerable<int> options, List<int> blockers, MustMeetBlockers mustMeets)
    {
        var cheapest = options.Where(x => !blockers.Contains(x) && Removable(timetable, x, mustMeets))
            .OrderBy(x => Loss(timetable.Problem, x)).ThenBy(x => x).Select(x => (int?)x).FirstOrDefault();
        if (cheapest is null) return false;
        blockers.Add(cheapest.Value);
        return true;
    }

    /// <summary>Which must-meets a forced placement may push out.</summary>
    private enum MustMeetBlockers
    {
        Never,
        /// <summary>Like any other meeting: it may be lost, so not an exhibitor's minimum or a buyer's only meeting.</summary>
        AsOthers,
        /// <summary>Any: the caller finds each one another slot or undoes everything, so its two sides lose nothing.</summary>
        ToMove,
    }

    private static bool Removable(Timetable timetable, int pair, MustMeetBlockers mustMeets)
    {
        var problem = timetable.Problem;
        if (timetable.Pinned[pair]) return false;
        if (problem.PairMustMeet[pair] && mustMeets != MustMeetBlockers.AsOthers) return mustMeets == MustMeetBlockers.ToMove;
        var e = problem.PairExhibitor[pair];
        var p = problem.PairParticipant[pair];
        return timetable.ExhibitorMeetings[e] > problem.OwedMinimum(e)
            && (!problem.IsOwedAMeeting(p) || timetable.ParticipantMeetings[p] > 1);
    }
}
