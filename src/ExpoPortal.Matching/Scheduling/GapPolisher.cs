namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// Removes idle gaps with local moves that never change which pairs meet: move one meeting to another
/// slot, or swap the slots of two meetings of the same participant or of the same exhibitor. A move is
/// kept only when it strictly lowers the gaps of the people it touches, so the loop ends.
/// Only meetings of people who have a gap that day are tried, which keeps a pass cheap.
/// </summary>
public static class GapPolisher
{
    public static int Polish(Timetable timetable, int seed, int maxPasses, DateTime deadline, int[]? scarcity = null, CancellationToken cancellation = default)
    {
        var problem = timetable.Problem;
        var random = new Random(seed);
        var improvements = 0;
        var sideways = false;
        var stalls = 0;
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
                if (TryMove(timetable, k, scarcity, acceptEqual) || TrySwap(timetable, k, problem.PairsOfParticipant[p], scarcity, acceptEqual)
                    || TrySwap(timetable, k, problem.PairsOfExhibitor[e], scarcity, acceptEqual))
                    improvedThisPass++;
            }
            improvements += improvedThisPass;
            if (timetable.TotalGaps() < gapsBefore) { stalls = 0; continue; }
            if (++stalls >= 8 || (sideways && improvedThisPass == 0)) break;
            sideways = true;
        }
        return improvements;
    }

    private static bool TryMove(Timetable timetable, int k, int[]? scarcity, bool acceptEqual)
    {
        var problem = timetable.Problem;
        var from = timetable.PairSlot[k];
        var interpreter = timetable.PairInterpreter[k];
        for (var to = 0; to < problem.Slots; to++)
        {
            if (to == from) continue;
            var before = LocalCost(timetable, [k], from, to);
            timetable.Remove(k);
            if (timetable.TryPlace(k, to, scarcity) && Accept(LocalCost(timetable, [k], from, to), before, acceptEqual)) return true;
            timetable.Remove(k);
            timetable.Place(k, from, interpreter);
        }
        return false;
    }

    private static bool TrySwap(Timetable timetable, int k, int[] siblings, int[]? scarcity, bool acceptEqual)
    {
        var a = timetable.PairSlot[k];
        var interpreterK = timetable.PairInterpreter[k];
        foreach (var other in siblings)
        {
            var b = timetable.PairSlot[other];
            if (other == k || b == Timetable.None || b == a || timetable.Pinned[other]) continue;
            var interpreterOther = timetable.PairInterpreter[other];
            var before = LocalCost(timetable, [k, other], a, b);
            timetable.Remove(k);
            timetable.Remove(other);
            if (timetable.TryPlace(k, b, scarcity))
            {
                if (timetable.TryPlace(other, a, scarcity) && Accept(LocalCost(timetable, [k, other], a, b), before, acceptEqual)) return true;
                timetable.Remove(k);
            }
            timetable.Remove(other);
            timetable.Place(k, a, interpreterK);
            timetable.Place(other, b, interpreterOther);
        }
        return false;
    }

    private static bool Accept(int after, int before, bool acceptEqual) => after < before || (acceptEqual && after == before);

    /// <summary>Idle gaps, on the days of two slots, of every person in the given meetings.</summary>
    private static int LocalCost(Timetable timetable, int[] pairs, int slotA, int slotB)
    {
        var problem = timetable.Problem;
        var sameDay = problem.Grid.DayOf[slotA] == problem.Grid.DayOf[slotB];
        var total = 0;
        var seenParticipants = new List<int>(2);
        var seenExhibitors = new List<int>(2);
        foreach (var k in pairs)
        {
            int p = problem.PairParticipant[k], e = problem.PairExhibitor[k];
            if (!seenParticipants.Contains(p))
            {
                seenParticipants.Add(p);
                total += timetable.ParticipantGapsOnDay(p, slotA) + (sameDay ? 0 : timetable.ParticipantGapsOnDay(p, slotB));
            }
            if (!seenExhibitors.Contains(e))
            {
                seenExhibitors.Add(e);
                total += timetable.ExhibitorGapsOnDay(e, slotA) + (sameDay ? 0 : timetable.ExhibitorGapsOnDay(e, slotB));
            }
        }
        return total;
    }
}
