using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Scheduling;

/// <summary>
/// An instance compiled to dense integer indexes for the algorithms: participants 0..P-1,
/// exhibitors 0..E-1, slots by time position 0..S-1, candidate pairs 0..K-1.
/// </summary>
internal sealed class MatchProblem
{
    public MatchProblem(MatchInstance instance, IReadOnlyList<CandidatePair> pairs)
    {
        Instance = instance;
        Grid = new SlotTimeline(instance.Slots);
        ParticipantIndex = instance.Participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        ExhibitorIndex = instance.Exhibitors.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i);
        ParticipantAvailable = instance.Participants.Select(p => AvailabilityMask(p.Available)).ToArray();
        ExhibitorAvailable = instance.Exhibitors.Select(e => AvailabilityMask(e.Available)).ToArray();
        InterpreterAvailable = instance.Interpreters.Select(i => AvailabilityMask(i.Available)).ToArray();
        Tables = instance.Exhibitors.Select(e => e.Tables).ToArray();
        ParticipantCapacity = instance.Participants.Select((p, i) => Math.Min(p.MaxMeetings, ParticipantAvailable[i].Count(a => a))).ToArray();
        ExhibitorCapacity = instance.Exhibitors.Select((e, i) => Math.Min(e.MaxMeetings, e.Tables * ExhibitorAvailable[i].Count(a => a))).ToArray();
        var halls = instance.Exhibitors.Select(e => e.Hall).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ExhibitorHall = instance.Exhibitors.Select(e => e.Hall is null ? -1 : halls.IndexOf(e.Hall)).ToArray();

        var kept = new List<(int P, int E, CandidatePair Pair)>();
        foreach (var pair in pairs)
        {
            int p = ParticipantIndex[pair.Participant], e = ExhibitorIndex[pair.Exhibitor];
            // A pair that shares no available slot can never meet: leave it out everywhere.
            if (SharesSlot(p, e)) kept.Add((p, e, pair));
        }
        PairParticipant = kept.Select(k => k.P).ToArray();
        PairExhibitor = kept.Select(k => k.E).ToArray();
        PairScore = kept.Select(k => k.Pair.Score).ToArray();
        PairMustMeet = kept.Select(k => k.Pair.MustMeet).ToArray();
        PairInterpreters = kept.Select(k =>
        {
            var participant = instance.Participants[k.P];
            var exhibitor = instance.Exhibitors[k.E];
            if (LanguageRules.Shared(participant.Languages, exhibitor.Languages)) return null;
            return instance.Interpreters.Select((i, index) => (i, index))
                .Where(x => LanguageRules.Bridges(x.i.Languages, participant.Languages, exhibitor.Languages))
                .Select(x => x.index).ToArray();
        }).ToArray();
        PairsOfParticipant = Group(PairParticipant, instance.Participants.Count);
        PairsOfExhibitor = Group(PairExhibitor, instance.Exhibitors.Count);
        PairIndex = new Dictionary<(int, int), int>(kept.Count);
        for (var k = 0; k < kept.Count; k++) PairIndex[(PairParticipant[k], PairExhibitor[k])] = k;
        UnreachablePairs = pairs.Count - kept.Count;
        _owedMinimum = ComputeOwedMinimums();
    }

    public MatchInstance Instance { get; }
    /// <summary>Participant id → index.</summary>
    public IReadOnlyDictionary<string, int> ParticipantIndex { get; }
    /// <summary>Exhibitor id → index.</summary>
    public IReadOnlyDictionary<string, int> ExhibitorIndex { get; }

    /// <summary>The interpreter pools of this problem, built once for the bound, the selection and the benchmark.</summary>
    public InterpreterPools Pools => _pools ??= new InterpreterPools(this);
    private InterpreterPools? _pools;

    /// <summary>See <see cref="MatchOptions.EveryParticipantMeets"/>.</summary>
    public bool ParticipantFloor { get; init; }

    /// <summary>With the floor on, a participant who has candidates is owed one meeting.</summary>
    public bool IsOwedAMeeting(int participant) =>
        ParticipantFloor && ParticipantCapacity[participant] > 0 && PairsOfParticipant[participant].Length > 0;
    public SlotTimeline Grid { get; }
    public int Slots => Grid.Count;
    public int Participants => ParticipantCapacity.Length;
    public int Exhibitors => ExhibitorCapacity.Length;
    public int Interpreters => InterpreterAvailable.Length;
    public int PairCount => PairScore.Length;

    public bool[][] ParticipantAvailable { get; }
    public bool[][] ExhibitorAvailable { get; }
    public bool[][] InterpreterAvailable { get; }
    public int[] Tables { get; }
    /// <summary>min(maxMeetings, available slots).</summary>
    public int[] ParticipantCapacity { get; }
    /// <summary>min(maxMeetings, tables × available slots).</summary>
    public int[] ExhibitorCapacity { get; }
    /// <summary>Index of the exhibitor's hall, −1 when not given.</summary>
    public int[] ExhibitorHall { get; }

    public int[] PairParticipant { get; }
    public int[] PairExhibitor { get; }
    public int[] PairScore { get; }
    public bool[] PairMustMeet { get; }
    /// <summary>Null when the two sides share a language; otherwise the interpreters who can bridge them.</summary>
    public int[]?[] PairInterpreters { get; }
    public int[][] PairsOfParticipant { get; }
    public int[][] PairsOfExhibitor { get; }
    public Dictionary<(int P, int E), int> PairIndex { get; }
    /// <summary>Candidate pairs dropped because the two sides are never available at the same time.</summary>
    public int UnreachablePairs { get; }

    public bool NeedsInterpreter(int pair) => PairInterpreters[pair] is not null;

    public bool SharesSlot(int participant, int exhibitor)
    {
        var a = ParticipantAvailable[participant];
        var b = ExhibitorAvailable[exhibitor];
        for (var s = 0; s < a.Length; s++) if (a[s] && b[s]) return true;
        return false;
    }

    /// <summary>Minimum meetings an exhibitor is owed: capped by its capacity and by its reachable candidates.</summary>
    public int OwedMinimum(int exhibitor) => _owedMinimum[exhibitor];

    private int[] ComputeOwedMinimums() => Enumerable.Range(0, Exhibitors).Select(e =>
        Math.Min(Math.Min(Instance.Exhibitors[e].MinMeetings, ExhibitorCapacity[e]),
            PairsOfExhibitor[e].Count(k => Instance.Participants[PairParticipant[k]].MaxMeetings > 0))).ToArray();

    private readonly int[] _owedMinimum;

    private bool[] AvailabilityMask(IReadOnlyList<string>? available)
    {
        var mask = new bool[Grid.Count];
        if (available is null) Array.Fill(mask, true);
        else foreach (var id in available) mask[Grid.PositionOf[id]] = true;
        return mask;
    }

    private static int[][] Group(int[] owner, int count)
    {
        var lists = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < owner.Length; k++) lists[owner[k]].Add(k);
        return lists.Select(l => l.ToArray()).ToArray();
    }
}
