using ExpoPortal.Application.Audit;
using System.IO.Compression;
using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Matching.Booths;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Booths;

/// <summary>One line of the proposal: who goes where, and why (reason codes, see <see cref="BoothReasons"/>).</summary>
public sealed record ProposedBooth(int ExhibitorId, string BoothCode, IReadOnlyList<string> Reasons, LocalizedText Exhibitor, string Industry, string Zone, int Tables, bool HostRegion);

/// <summary>An exhibitor the proposal could not place, and why.</summary>
public sealed record UnplacedExhibitor(int ExhibitorId, LocalizedText Exhibitor, string Reason);

/// <summary>
/// An auto-assign proposal (nothing written yet) or, with <paramref name="Applied"/>, what was written. The
/// <paramref name="Token"/> holds the proposal and the state of the booths it was made on; applying it checks that state.
/// </summary>
public sealed record AutoAssignResult(
    IReadOnlyList<ProposedBooth> Proposal, IReadOnlyList<UnplacedExhibitor> Unplaced, string Token, bool Applied,
    string HostRegion, BoothQuality Quality);

/// <summary>
/// Places the exhibitors without a booth (industry ↔ zone, host-province firms together or spread, booth size ↔
/// wanted size, requested neighbours, more tables for more demand) with OR-Tools (<see cref="BoothAssigner"/>), shows
/// the proposal, and applies exactly that proposal in one transaction, refused if the booths changed in between.
/// </summary>
/// <remarks>
/// The model has no "requested size" or "requested neighbours" fields, so both are derived: a large firm, or a medium one
/// with four or more products, wants the event's large booth size, the others the small one; an exhibitor asks to be
/// next to the other exhibitors of its own city and industry (a local cluster, e.g. Andong's soju makers). Demand is
/// the buyers' wishes for the exhibitor plus the participants whose HS interests match one of its products.
/// </remarks>
public sealed class BoothAutoAssign(IAppDbContextFactory dbFactory, TimeProvider clock)
{
    public static readonly Error InvalidToken = Error.Validation("invalid_token", "That proposal token is not valid for this event. Make a new proposal.");
    public static readonly Error InvalidHostRegion = Error.Validation("invalid_host_region", "hostRegion is \"together\" or \"spread\".");

    public static Result<HostRegionMode> ParseHostRegion(string? value) => (value ?? "together").Trim().ToLowerInvariant() switch
    {
        "together" or "" => HostRegionMode.Together,
        "spread" => HostRegionMode.Spread,
        _ => InvalidHostRegion,
    };

    public async Task<Result<AutoAssignResult>> ProposeAsync(Actor actor, int eventId, HostRegionMode mode, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return BoothAssignment.NotOrganizer;
        await using var db = await dbFactory.CreateAsync(ct);
        var state = await LoadAsync(db, eventId, ct);
        var solution = BoothAssigner.Solve(state.Problem(mode));
        var pairs = solution.Placements.Select(p => (p.ExhibitorId, p.BoothId)).ToList();
        var token = ProposalToken.Encode(eventId, mode, state.Snapshot, pairs);
        return Describe(state, solution, token, applied: false, mode);
    }

    /// <summary>Writes the proposal in the token, all or nothing; refused with the changed booths if anything moved since.</summary>
    public async Task<Result<AutoAssignResult>> ApplyAsync(Actor actor, int eventId, string? token, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return BoothAssignment.NotOrganizer;
        if (ProposalToken.Decode(token) is not { } proposal || proposal.EventId != eventId) return InvalidToken;
        await using var db = await dbFactory.CreateAsync(ct);
        var state = await LoadAsync(db, eventId, ct);
        var changed = Changes(proposal.Snapshot, state);
        if (changed.Count > 0)
            return Error.Conflict("assignment_changed", $"The booths changed since the proposal was made: {string.Join(", ", changed)}. Make a new proposal.", changed);

        var exhibitorIds = proposal.Pairs.Select(p => p.ExhibitorId).ToList();
        var exhibitors = await db.Exhibitors.Where(x => x.EventId == eventId && exhibitorIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var boothIds = proposal.Pairs.Select(p => p.BoothId).ToList();
        var booths = await db.Booths.Where(b => b.EventId == eventId && boothIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        if (exhibitors.Count != proposal.Pairs.Count || booths.Count != proposal.Pairs.Count) return InvalidToken;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (exhibitorId, boothId) in proposal.Pairs)
        {
            if (exhibitors[exhibitorId].BoothId is not null) return InvalidToken; // the snapshot said it had none
            exhibitors[exhibitorId].AssignBooth(booths[boothId]);
        }
        db.Audit(actor, eventId, AuditActions.AutoAssignApplied, $"event:{eventId}", null,
            proposal.Pairs.Select(p => new { p.ExhibitorId, booth = booths[p.BoothId].Code }).ToList(), clock.GetUtcNow());
        var saved = await BoothAssignment.SaveAsync(db, ct);
        if (!saved.Succeeded)
            return Error.Conflict("assignment_changed", "The booths changed while the proposal was being applied. Make a new proposal.");
        await tx.CommitAsync(ct);

        var placements = proposal.Pairs.Select(p => new BoothPlacement(p.ExhibitorId, p.BoothId, [])).ToList();
        // Reasons and quality are those of the proposal as made (re-derived on the state it was made on).
        var solution = BoothAssigner.Solve(state.Problem(proposal.Mode));
        var same = solution.Placements.Select(p => (p.ExhibitorId, p.BoothId)).SequenceEqual(proposal.Pairs);
        var described = same ? solution : new BoothSolution(placements, [], solution.Quality);
        return Describe(state, described, token!, applied: true, proposal.Mode);
    }

    private static List<string> Changes(IReadOnlyDictionary<int, int> then, EventState now)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (boothId, holder) in then)
            if (!now.HolderOf.TryGetValue(boothId, out var current) || current != holder)
                codes.Add(now.CodeOf.GetValueOrDefault(boothId, $"#{boothId}"));
        foreach (var boothId in now.HolderOf.Keys.Where(id => !then.ContainsKey(id)))
            codes.Add(now.CodeOf[boothId]);
        return codes.ToList();
    }

    private static AutoAssignResult Describe(EventState state, BoothSolution solution, string token, bool applied, HostRegionMode mode)
    {
        var proposal = solution.Placements.Select(p =>
        {
            var x = state.Exhibitors[p.ExhibitorId];
            var b = state.Booths[p.BoothId];
            return new ProposedBooth(p.ExhibitorId, b.Code, p.Reasons, x.Name, x.Industry.ToString(), b.Zone, b.Tables, x.HostRegion);
        }).OrderBy(p => p.BoothCode.Length).ThenBy(p => p.BoothCode, StringComparer.Ordinal).ToList();
        var unplaced = solution.Unplaced.Select(id => new UnplacedExhibitor(id, state.Exhibitors[id].Name, BoothReasons.NoFreeBooth)).ToList();
        return new AutoAssignResult(proposal, unplaced, token, applied, mode.ToString().ToLowerInvariant(), solution.Quality);
    }

    private sealed record ExhibitorFacts(int Id, LocalizedText Name, Industry Industry, CompanySize Size, string City, bool HostRegion, int? BoothId, int Products, string[] Hs);

    private sealed record EventState(
        IReadOnlyDictionary<int, BoothSpot> Booths, IReadOnlyDictionary<int, ExhibitorFacts> Exhibitors,
        IReadOnlyDictionary<int, int> HolderOf, IReadOnlyDictionary<int, string> CodeOf, IReadOnlyDictionary<int, int> Demand)
    {
        /// <summary>Every booth of the event with its holder (0: free), as the token records it.</summary>
        public IReadOnlyDictionary<int, int> Snapshot => HolderOf;

        public BoothProblem Problem(HostRegionMode mode)
        {
            var sizes = Booths.Values.Select(b => b.SizeSquareMeters).Distinct().Order().ToList();
            var (small, large) = sizes.Count == 0 ? (9, 9) : (sizes[0], sizes[^1]);
            var placed = Exhibitors.Values.Where(x => x.BoothId is not null && Booths.ContainsKey(x.BoothId.Value))
                .OrderBy(x => x.Id).Select(x => new PlacedExhibitor(x.Id, x.BoothId!.Value, x.HostRegion)).ToList();
            var localClusters = Exhibitors.Values.ToLookup(x => (x.City, x.Industry), x => x.Id);
            var seekers = Exhibitors.Values.Where(x => x.BoothId is null).OrderBy(x => x.Id)
                .Select(x => new BoothSeeker(x.Id, x.Industry.ToString(), x.HostRegion,
                    BoothNeeds.WantedSize(x.Size, x.Products, small, large),
                    Demand.GetValueOrDefault(x.Id),
                    BoothNeeds.Neighbours(x.Id, localClusters[(x.City, x.Industry)])))
                .ToList();
            return new BoothProblem(Booths.Values.OrderBy(b => b.Id).ToList(), placed, seekers, mode);
        }
    }

    private static async Task<EventState> LoadAsync(IAppDbContext db, int eventId, CancellationToken ct)
    {
        var host = await db.Events.Where(e => e.Id == eventId).Select(e => e.HostProvinceCode).SingleAsync(ct);
        var booths = await db.Booths.AsNoTracking().Where(b => b.EventId == eventId)
            .Select(b => new BoothSpot(b.Id, b.Code, b.Hall.Code, b.Zone, b.Position.X, b.Position.Y, b.Position.Width, b.Position.Height, b.SizeSquareMeters, b.MeetingTables))
            .ToDictionaryAsync(b => b.Id, ct);
        var exhibitors = (await db.Exhibitors.AsNoTracking().Where(x => x.EventId == eventId)
                .Select(x => new { x.Id, x.Name, x.Industry, x.Size, City = x.City.En, x.ProvinceCode, x.BoothId, Hs = x.Products.Select(p => p.HsCode).ToList() })
                .ToListAsync(ct))
            .ToDictionary(x => x.Id, x => new ExhibitorFacts(x.Id, x.Name, x.Industry, x.Size, x.City, x.ProvinceCode == host, x.BoothId, x.Hs.Count, x.Hs.ToArray()));
        var holderOf = booths.Keys.ToDictionary(id => id, _ => 0);
        foreach (var x in exhibitors.Values.Where(x => x.BoothId is { } b && holderOf.ContainsKey(b))) holderOf[x.BoothId!.Value] = x.Id;

        // Demand of the exhibitors still to place: buyers' wishes plus participants interested in one of their HS codes.
        var seekerIds = exhibitors.Values.Where(x => x.BoothId is null).Select(x => x.Id).ToList();
        var wishes = await db.MeetingWishes.AsNoTracking()
            .Where(w => w.EventId == eventId && seekerIds.Contains(w.ExhibitorId) && w.WishedBy == WishedBy.Participant && w.Level != WishLevel.NotInterested)
            .GroupBy(w => w.ExhibitorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        List<List<string>> interests = seekerIds.Count == 0 ? [] : await db.Participants.AsNoTracking().Where(p => p.EventId == eventId).Select(p => p.HsInterests).ToListAsync(ct);
        var demand = seekerIds.ToDictionary(id => id, id => BoothNeeds.Demand(wishes.GetValueOrDefault(id), exhibitors[id].Hs, interests));
        return new EventState(booths, exhibitors, holderOf, booths.ToDictionary(b => b.Key, b => b.Value.Code), demand);
    }

    /// <summary>
    /// The proposal and the booths' state it was made on, compressed into an opaque string. Nothing is kept on the
    /// server, so a proposal survives a restart and works on any instance; a forged token can only ask for assignments
    /// that the state check and the database's guards accept anyway.
    /// </summary>
    internal static class ProposalToken
    {
        private const byte Version = 1;

        public sealed record Decoded(int EventId, HostRegionMode Mode, IReadOnlyDictionary<int, int> Snapshot, IReadOnlyList<(int ExhibitorId, int BoothId)> Pairs);

        public static string Encode(int eventId, HostRegionMode mode, IReadOnlyDictionary<int, int> snapshot, IReadOnlyList<(int ExhibitorId, int BoothId)> pairs)
        {
            using var buffer = new MemoryStream();
            using (var zip = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            using (var w = new BinaryWriter(zip))
            {
                w.Write(Version);
                w.Write7BitEncodedInt(eventId);
                w.Write((byte)mode);
                w.Write7BitEncodedInt(snapshot.Count);
                var previous = 0;
                foreach (var (boothId, holder) in snapshot.OrderBy(kv => kv.Key))
                {
                    w.Write7BitEncodedInt(boothId - previous);
                    w.Write7BitEncodedInt(holder);
                    previous = boothId;
                }
                w.Write7BitEncodedInt(pairs.Count);
                foreach (var (exhibitorId, boothId) in pairs)
                {
                    w.Write7BitEncodedInt(exhibitorId);
                    w.Write7BitEncodedInt(boothId);
                }
            }
            return Convert.ToBase64String(buffer.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        public static Decoded? Decode(string? token)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Length > 200_000) return null;
            try
            {
                var base64 = token.Trim().Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
                using var zip = new DeflateStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
                using var r = new BinaryReader(zip);
                if (r.ReadByte() != Version) return null;
                var eventId = r.Read7BitEncodedInt();
                var mode = (HostRegionMode)r.ReadByte();
                if (!Enum.IsDefined(mode)) return null;
                var count = r.Read7BitEncodedInt();
                if (count is < 0 or > 100_000) return null;
                var snapshot = new Dictionary<int, int>(count);
                var boothId = 0;
                for (var i = 0; i < count; i++)
                {
                    boothId += r.Read7BitEncodedInt();
                    snapshot[boothId] = r.Read7BitEncodedInt();
                }
                var pairCount = r.Read7BitEncodedInt();
                if (pairCount is < 0 or > 100_000) return null;
                var pairs = new List<(int, int)>(pairCount);
                for (var i = 0; i < pairCount; i++) pairs.Add((r.Read7BitEncodedInt(), r.Read7BitEncodedInt()));
                if (pairs.Select(p => p.Item1).Distinct().Count() != pairs.Count || pairs.Select(p => p.Item2).Distinct().Count() != pairs.Count) return null;
                return new Decoded(eventId, mode, snapshot, pairs);
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or IOException)
            {
                return null;
            }
        }
    }
}

/// <summary>
/// What an exhibitor needs from a booth, derived from data the portal has (there is no "requested size" or
/// "requested neighbours" field yet). Public so the benchmark derives them the same way.
/// </summary>
public static class BoothNeeds
{
    /// <summary>A large firm, or a medium one with four or more products, wants the large booth size; the others the small one.</summary>
    public static int WantedSize(CompanySize size, int products, int smallSize, int largeSize) =>
        size == CompanySize.Large || (size == CompanySize.Medium && products >= 4) ? largeSize : smallSize;

    /// <summary>Up to three exhibitors of the same city and industry (a local cluster), nearest in registration order.</summary>
    public static IReadOnlyList<int> Neighbours(int exhibitorId, IEnumerable<int> sameCityAndIndustry) =>
        sameCityAndIndustry.Where(o => o != exhibitorId).OrderBy(o => Math.Abs(o - exhibitorId)).ThenBy(o => o).Take(3).ToList();

    /// <summary>Buyers' wishes plus the participants whose HS interests (4 or 6 digits) cover one of the exhibitor's products.</summary>
    public static int Demand(int wishes, IReadOnlyCollection<string> productHsCodes, IEnumerable<IReadOnlyCollection<string>> participantInterests) =>
        wishes + participantInterests.Count(list => list.Any(i => productHsCodes.Any(h => h.StartsWith(i, StringComparison.Ordinal))));
}
