namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Removes idle gaps with local moves that never change which pairs meet: move one meeting to another
/// slot, swap the slots of two meetings of the same participant or of the same exhibitor, or swap two slots
/// for a whole Kempe chain of meetings. A move is kept only when it strictly lowers the gaps of the people it
/// touches (or, once descent stalls, keeps them equal now and then), and the loop stops when the passes stop
/// paying, so runs are reproducible.
/// Only meetings of people who have a gap that day are tried, which keeps a pass cheap.
/// </summary>
internal static class GapPolisher
{
    public static int Polish(Timetable timetable, int seed, int maxPasses, DateTime deadline, int[]? scarcity = null, CancellationToken cancellation = default)
    {
        var problem = timetable.Problem;
        var random = new Random(seed);
        var improvements = 0;
        var sideways = false;
        var stalls = 0;
        var history = new List<int>();
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var improvedThisPass = 0;
            var gapsBefore = timetable.TotalGaps();
            var order = timetable.PlacedPairs().Where(k => !timetable.Pinned[k]).ToArray();
            random.Shuffle(order);
            foreach (var k in order)
            {
                if (DateTime.UtcNow > deadline) return improvements;
                cancellation.ThrowIfCancellationRequested();
                var slot = timetable.PairSlot[k];
                if (slot == Timetable.None) continue;
                int p = problem.PairParticipant[k], e = problem.PairExhibitor[k];
                if (timetable.ParticipantGapsOnDay(p, slot) == 0 && timetable.ExhibitorGapsOnDay(e, slot) == 0) continue;
                // Sideways moves (same gaps) are taken now and then once plain descent stalls: they reshuffle a
                // plateau so that a later move can close a gap. They never add gaps.
                var acceptEqual = sideways && random.Next(2) == 0;
                if (TryAnyMove(timetable, k, scarcity, acceptEqual, halls: false)) improvedThisPass++;
            }
            improvements += improvedThisPass;
            var gapsAfter = timetable.TotalGaps();
            history.Add(gapsAfter);
            // Converged: the last passes closed less than 1 % of the gaps left. Counting work, not time, keeps
            // runs reproducible.
            if (history.Count > ConvergenceWindow && history[^(ConvergenceWindow + 1)] - gapsAfter < Math.Max(2, gapsAfter / 100)) break;
            if (gapsAfter < gapsBefore) { stalls = 0; continue; }
            if (++stalls >= 8 || (sideways && improvedThisPass == 0)) break;
            sideways = true;
        }
        return improvements;
    }

    /// <summary>
    /// Then, with the gaps settled, fewer walks between halls: the same moves, now also counting a
    /// participant's back-to-back meetings in different halls, and taken only when they lower that without
    /// adding a gap. A separate phase, because mixing the two slowed the gap search more than it saved walks.
    /// </summary>
    public static int ShortenWalks(Timetable timetable, DateTime deadline, int[]? scarcity = null, CancellationToken cancellation = default, int passes = 2)
    {
        var problem = timetable.Problem;
        if (problem.ExhibitorHall.All(h => h < 0)) return 0;
        var improvements = 0;
        for (var pass = 0; pass < passes; pass++)
        {
            var improvedThisPass = 0;
            foreach (var k in timetable.PlacedPairs().Where(k => !timetable.Pinned[k]).ToArray())
            {
                if (DateTime.UtcNow > deadline) return improvements;
                cancellation.ThrowIfCancellationRequested();
                var slot = timetable.PairSlot[k];
                if (slot == Timetable.None || timetable.ParticipantHallChangesOnDay(problem.PairParticipant[k], slot) == 0) continue;
                if (TryAnyMove(timetable, k, scarcity, acceptEqual: false, halls: true)) improvedThisPass++;
            }
            improvements += improvedThisPass;
            if (improvedThisPass == 0) break;
        }
        return improvements;
    }

    private static bool TryAnyMove(Timetable timetable, int k, int[]? scarcity, bool acceptEqual, bool halls)
    {
        var problem = timetable.Problem;
        return TryMove(timetable, k, scarcity, acceptEqual, halls)
            || TrySwap(timetable, k, timetable.ParticipantAt[problem.PairParticipant[k]], scarcity, acceptEqual, halls)
            || TrySwap(timetable, k, timetable.ExhibitorAt(problem.PairExhibitor[k]), scarcity, acceptEqual, halls)
            || TryChainSwap(timetable, k, acceptEqual, halls);
    }

    private const int ConvergenceWindow = 8;

    private static bool TryMove(Timetable timetable, int k, int[]? scarcity, bool acceptEqual, bool halls)
    {
        var problem = timetable.Problem;
        var from = timetable.PairSlot[k];
        var interpreter = timetable.PairInterpreter[k];
        for (var to = 0; to < problem.Slots; to++)
        {
            // Slots it could not take are skipped before anything is moved (only slot `from` changes when k leaves it).
            if (to == from || !CouldTake(timetable, k, to, leaving: Timetable.None)) continue;
            var before = LocalCost(timetable, [k], from, to, halls);
            timetable.Remove(k);
            if (timetable.TryPlace(k, to, scarcity) && Accept(LocalCost(timetable, [k], from, to, halls), before, acceptEqual)) return true;
            timetable.Remove(k);
            timetable.Place(k, from, interpreter);
        }
        return false;
    }

    /// <param name="siblings">The meetings of k's participant or exhibitor, by slot (None where there is none).</param>
    private static bool TrySwap(Timetable timetable, int k, ReadOnlySpan<int> siblings, int[]? scarcity, bool acceptEqual, bool halls)
    {
        var a = timetable.PairSlot[k];
        var interpreterK = timetable.PairInterpreter[k];
        foreach (var other in siblings)
        {
            if (other == Timetable.None) continue;
            var b = timetable.PairSlot[other];
            if (other == k || b == Timetable.None || b == a || timetable.Pinned[other]) continue;
            if (!CouldTake(timetable, k, b, leaving: other) || !CouldTake(timetable, other, a, leaving: k)) continue;
            var interpreterOther = timetable.PairInterpreter[other];
            var before = LocalCost(timetable, [k, other], a, b, halls);
            timetable.Remove(k);
            timetable.Remove(other);
            if (timetable.TryPlace(k, b, scarcity))
            {
                if (timetable.TryPlace(other, a, scarcity) && Accept(LocalCost(timetable, [k, other], a, b, halls), before, acceptEqual)) return true;
                timetable.Remove(k);
            }
            timetable.Remove(other);
            timetable.Place(k, a, interpreterK);
            timetable.Place(other, b, interpreterOther);
        }
        return false;
    }

    /// <summary>
    /// Whether the pair could take the slot once <paramref name="leaving"/> (a meeting in that slot, or None) has left
    /// it (sides there and free, a table left): checked before anything is moved; the interpreter is left to
    /// <see cref="Timetable.TryPlace"/>.
    /// </summary>
    private static bool CouldTake(Timetable timetable, int pair, int slot, int leaving)
    {
        var problem = timetable.Problem;
        int p = problem.PairParticipant[pair], e = problem.PairExhibitor[pair];
        if (!problem.ParticipantAvailable[p][slot] || !problem.ExhibitorAvailable[e][slot]) return false;
        var there = timetable.ParticipantAt[p][slot];
        if (there != Timetable.None && there != leaving) return false;
        var freed = leaving != Timetable.None && problem.PairExhibitor[leaving] == e ? 1 : 0;
        return timetable.ExhibitorLoad[e][slot] - freed < problem.Tables[e];
    }

    /// <summary>Largest chain tried: beyond it, swapping two slots reshuffles too much of the event to be cheap.</summary>
    private const int MaxChain = 40;

    /// <summary>
    /// Kempe-chain move: swap slots a and b for the connected set of meetings that a move of k would disturb
    /// (everything the same participant, exhibitor or interpreter holds in a or b, transitively). Every person
    /// in the chain keeps the same number of meetings in each slot of the pair of slots, so the swap is always
    /// valid as long as everyone is available; it closes gaps that no single move or swap can reach.
    /// </summary>
    private static bool TryChainSwap(Timetable timetable, int k, bool acceptEqual, bool halls)
    {
        var problem = timetable.Problem;
        var a = timetable.PairSlot[k];
        var (dayStart, dayEnd) = timetable.DayRange(a);
        int p = problem.PairParticipant[k], e = problem.PairExhibitor[k];
        for (var b = dayStart; b <= dayEnd; b++)
        {
            // Only slots where k's own sides would change shape: a busy-at-both participant or an equally
            // loaded booth keeps its gaps, and the rest of the chain follows from them.
            if (b == a || (timetable.ParticipantAt[p][b] != Timetable.None && timetable.ExhibitorLoad[e][b] >= timetable.ExhibitorLoad[e][a])) continue;
            var chain = Chain(timetable, k, a, b);
            if (chain is null || chain.Count < 3) continue; // 1–2 meetings: a move or swap already covered it
            var people = People(problem, chain);
            var before = Cost(timetable, people, a, halls);
            var saved = chain.Select(x => (Pair: x, Slot: timetable.PairSlot[x], Interpreter: timetable.PairInterpreter[x])).ToList();
            foreach (var x in chain) timetable.Remove(x);
            foreach (var (x, slot, interpreter) in saved) timetable.Place(x, slot == a ? b : a, interpreter);
            if (Accept(Cost(timetable, people, a, halls), before, acceptEqual)) return true;
            foreach (var x in chain) timetable.Remove(x);
            foreach (var (x, slot, interpreter) in saved) timetable.Place(x, slot, interpreter);
        }
        return false;
    }

    /// <summary>The chain of k between slots a and b, or null when it is too long, pinned, or someone is unavailable.</summary>
    private static List<int>? Chain(Timetable timetable, int k, int a, int b)
    {
        var problem = timetable.Problem;
        // At most MaxChain + a few entries each: lists are cheaper here than hash sets.
        var chain = new List<int> { k };
        var seenParticipants = new List<int>();
        var seenExhibitors = new List<int>();
        var seenInterpreters = new List<int>();
        for (var next = 0; next < chain.Count; next++)
        {
            var x = chain[next];
            if (timetable.Pinned[x]) return null;
            int p = problem.PairParticipant[x], e = problem.PairExhibitor[x], i = timetable.PairInterpreter[x];
            var to = timetable.PairSlot[x] == a ? b : a;
            if (!problem.ParticipantAvailable[p][to] || !problem.ExhibitorAvailable[e][to]) return null;
            if (i >= 0 && !problem.InterpreterAvailable[i][to]) return null;
            if (AddNew(seenParticipants, p))
                foreach (var s in (ReadOnlySpan<int>)[a, b])
                    if (timetable.ParticipantAt[p][s] is var y && y != Timetable.None) AddNew(chain, y);
            if (AddNew(seenExhibitors, e))
                foreach (var s in (ReadOnlySpan<int>)[a, b])
                    foreach (var y in timetable.ExhibitorAt(e, s))
                        if (y != Timetable.None) AddNew(chain, y);
            if (i >= 0 && AddNew(seenInterpreters, i))
                foreach (var s in (ReadOnlySpan<int>)[a, b])
                    if (timetable.InterpreterAt[i][s] is var y && y != Timetable.None) AddNew(chain, y);
            if (chain.Count > MaxChain) return null;
        }
        return chain;
    }

    /// <summary>Adds the item to a set kept as a short list; false when it was there already.</summary>
    private static bool AddNew(List<int> set, int item)
    {
        if (set.Contains(item)) return false;
        set.Add(item);
        return true;
    }

    private static (int[] Participants, int[] Exhibitors) People(MatchProblem problem, List<int> chain) =>
        (chain.Select(x => problem.PairParticipant[x]).Distinct().ToArray(), chain.Select(x => problem.PairExhibitor[x]).Distinct().ToArray());

    private static int Cost(Timetable timetable, (int[] Participants, int[] Exhibitors) people, int slotOnDay, bool halls) =>
        people.Participants.Sum(p => ParticipantCost(timetable, p, slotOnDay, halls)) + people.Exhibitors.Sum(e => GapWeight * timetable.ExhibitorGapsOnDay(e, slotOnDay));

    /// <summary>
    /// Gaps come first: one idle gap outweighs any number of hall changes a single move can make (a chain
    /// touches at most <see cref="MaxChain"/> meetings), so the walk between halls is only a tie-break.
    /// </summary>
    private const int GapWeight = 4 * MaxChain;

    private static int ParticipantCost(Timetable timetable, int p, int slotOnDay, bool halls) =>
        GapWeight * timetable.ParticipantGapsOnDay(p, slotOnDay) + (halls ? timetable.ParticipantHallChangesOnDay(p, slotOnDay) : 0);

    private static bool Accept(int after, int before, bool acceptEqual) => after < before || (acceptEqual && after == before);

    /// <summary>Idle gaps (then hall changes), on the days of two slots, of every person in the given meetings.</summary>
    private static int LocalCost(Timetable timetable, ReadOnlySpan<int> pairs, int slotA, int slotB, bool halls)
    {
        var problem = timetable.Problem;
        var sameDay = problem.Grid.DayOf[slotA] == problem.Grid.DayOf[slotB];
        var total = 0;
        // One or two meetings: each person counted once, without collections (this runs for every move tried).
        for (var n = 0; n < pairs.Length; n++)
        {
            int p = problem.PairParticipant[pairs[n]], e = problem.PairExhibitor[pairs[n]];
            bool newParticipant = true, newExhibitor = true;
            for (var m = 0; m < n; m++)
            {
                newParticipant &= problem.PairParticipant[pairs[m]] != p;
                newExhibitor &= problem.PairExhibitor[pairs[m]] != e;
            }
            if (newParticipant)
                total += ParticipantCost(timetable, p, slotA, halls) + (sameDay ? 0 : ParticipantCost(timetable, p, slotB, halls));
            if (newExhibitor)
                total += GapWeight * (timetable.ExhibitorGapsOnDay(e, slotA) + (sameDay ? 0 : timetable.ExhibitorGapsOnDay(e, slotB)));
        }
        return total;
    }
}
