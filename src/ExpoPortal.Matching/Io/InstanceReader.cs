using System.Text.Json;
using ExpoPortal.Matching.Model;

namespace ExpoPortal.Matching.Io;

/// <summary>Reads and validates an <c>expo-match/1</c> instance. Every error names its record and field.</summary>
public static class InstanceReader
{
    public static MatchInstance ReadFile(string path) => Read(FileText.Read(path));

    public static MatchInstance Read(string json)
    {
        var root = new JsonField(FileText.Parse(json), "$");
        var format = root.Required("format").String();
        if (format != MatchInstance.FormatName)
            throw root.Child("format").Error($"expected \"{MatchInstance.FormatName}\", got \"{format}\"");

        var slots = root.Required("slots").Items().Select(ReadSlot).ToList();
        if (slots.Count == 0) throw root.Child("slots").Error("must hold at least one slot");
        var slotIds = UniqueIds(root.Child("slots"), slots.Select(s => s.Id));

        var exhibitors = root.Required("exhibitors").Items().Select(f => ReadExhibitor(f, slotIds)).ToList();
        var exhibitorIds = UniqueIds(root.Child("exhibitors"), exhibitors.Select(e => e.Id));
        var participants = root.Required("participants").Items().Select(f => ReadParticipant(f, slotIds)).ToList();
        var participantIds = UniqueIds(root.Child("participants"), participants.Select(p => p.Id));
        var interpreters = root.Has("interpreters")
            ? root.Child("interpreters").Items().Select(f => ReadInterpreter(f, slotIds)).ToList()
            : [];
        UniqueIds(root.Child("interpreters"), interpreters.Select(i => i.Id));

        List<CandidatePair>? pairs = null;
        if (root.Has("pairs"))
        {
            pairs = [];
            var seen = new HashSet<(string, string)>();
            foreach (var field in root.Child("pairs").Items())
            {
                var pair = new CandidatePair(
                    Reference(field.Required("participant"), participantIds, "participant"),
                    Reference(field.Required("exhibitor"), exhibitorIds, "exhibitor"),
                    field.Required("score").Int(0),
                    field.Has("mustMeet") && field.Child("mustMeet").Bool());
                if (!seen.Add((pair.Participant, pair.Exhibitor)))
                    throw field.Error($"pair ({pair.Participant}, {pair.Exhibitor}) is listed twice");
                pairs.Add(pair);
            }
        }

        var blocked = root.Has("blocked")
            ? root.Child("blocked").Items().Select(f => new BlockedPair(
                Reference(f.Required("participant"), participantIds, "participant"),
                Reference(f.Required("exhibitor"), exhibitorIds, "exhibitor"))).ToList()
            : null;

        // Wishlists must name real records of the other side.
        foreach (var (e, i) in exhibitors.Select((e, i) => (e, i)))
            CheckWishlist(root.Child("exhibitors"), i, e.Id, e.Profile?.Wishlist, participantIds, "participant");
        foreach (var (p, i) in participants.Select((p, i) => (p, i)))
            CheckWishlist(root.Child("participants"), i, p.Id, p.Profile?.Wishlist, exhibitorIds, "exhibitor");

        return new MatchInstance(slots, exhibitors, participants, interpreters, pairs, blocked);
    }

    private static Slot ReadSlot(JsonField field)
    {
        var id = field.Required("id").String();
        field = field.Named(id);
        return new Slot(id, field.Required("day").String(), field.Required("start").Timestamp(),
            field.Required("minutes").Int(1, 24 * 60), field.OptionalString("hall"));
    }

    private static Exhibitor ReadExhibitor(JsonField field, HashSet<string> slotIds)
    {
        var id = field.Required("id").String();
        field = field.Named(id);
        var min = field.Has("minMeetings") ? field.Child("minMeetings").Int(0) : 0;
        var max = field.Required("maxMeetings").Int(0);
        if (min > max) throw field.Child("minMeetings").Error($"minMeetings {min} exceeds maxMeetings {max}");
        return new Exhibitor(id, field.Required("tables").Int(1, 1000), min, max,
            field.Required("languages").Strings(), Availability(field, slotIds), field.OptionalString("hall"),
            field.Has("profile") ? ReadExhibitorProfile(field.Child("profile")) : null);
    }

    private static Participant ReadParticipant(JsonField field, HashSet<string> slotIds)
    {
        var id = field.Required("id").String();
        field = field.Named(id);
        return new Participant(id, field.Required("maxMeetings").Int(0), field.Required("languages").Strings(),
            Availability(field, slotIds), field.Has("profile") ? ReadParticipantProfile(field.Child("profile")) : null);
    }

    private static Interpreter ReadInterpreter(JsonField field, HashSet<string> slotIds)
    {
        var id = field.Required("id").String();
        field = field.Named(id);
        return new Interpreter(id, field.Required("languages").Strings(), Availability(field, slotIds));
    }

    private static IReadOnlyList<string>? Availability(JsonField field, HashSet<string> slotIds)
    {
        if (!field.Has("available")) return null;
        var list = new List<string>();
        foreach (var item in field.Child("available").Items())
            list.Add(Reference(item, slotIds, "slot"));
        return list;
    }

    private static ExhibitorProfile ReadExhibitorProfile(JsonField field) => new(
        Products(field.Child("products")),
        field.OptionalStrings("targetMarkets") ?? [],
        field.OptionalString("industry"),
        Size(field, "size"),
        ReadWishlist(field));

    private static ParticipantProfile ReadParticipantProfile(JsonField field) => new(
        field.Required("country").String(),
        Products(field.Child("interests")),
        field.OptionalString("industry"),
        Size(field, "importScale"),
        ReadWishlist(field));

    private static IReadOnlyList<Product> Products(JsonField field)
    {
        if (field.Element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return [];
        return field.Items().Select(item =>
        {
            var hs = item.Required("hs").String();
            if (hs.Length is not (2 or 4 or 6) || !hs.All(char.IsAsciiDigit))
                throw item.Child("hs").Error($"expected an HS code of 2, 4 or 6 digits, got \"{hs}\"");
            return new Product(hs, item.OptionalString("name"));
        }).ToList();
    }

    private static CompanySize Size(JsonField field, string name)
    {
        var text = field.OptionalString(name);
        if (text is null) return CompanySize.Medium;
        return Enum.TryParse<CompanySize>(text, ignoreCase: true, out var size)
            ? size
            : throw field.Child(name).Error($"expected \"small\", \"medium\" or \"large\", got \"{text}\"");
    }

    private static Wishlist ReadWishlist(JsonField field) => new(
        field.OptionalStrings("mustMeet") ?? [], field.OptionalStrings("wouldLike") ?? [], field.OptionalStrings("notInterested") ?? []);

    private static void CheckWishlist(JsonField list, int index, string id, Wishlist? wishlist, HashSet<string> otherIds, string kind)
    {
        if (wishlist is null) return;
        foreach (var (name, ids) in new[] { ("mustMeet", wishlist.MustMeet), ("wouldLike", wishlist.WouldLike), ("notInterested", wishlist.NotInterested) })
            foreach (var other in ids)
                if (!otherIds.Contains(other))
                    throw new MatchFormatException($"{list.Path}[{index}] (id \"{id}\").profile.{name}: unknown {kind} \"{other}\"");
    }

    private static string Reference(JsonField field, HashSet<string> ids, string kind)
    {
        var id = field.String();
        return ids.Contains(id) ? id : throw field.Error($"unknown {kind} \"{id}\"");
    }

    private static HashSet<string> UniqueIds(JsonField list, IEnumerable<string> ids)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (!set.Add(id)) throw new MatchFormatException($"{list.Path}[{index}]: id \"{id}\" is used twice");
            index++;
        }
        return set;
    }
}

internal static class FileText
{
    public static string Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MatchFormatException($"{path}: cannot read the file ({e.Message})");
        }
    }

    public static JsonElement Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new MatchFormatException($"not valid JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message.Split(" Path:")[0]}");
        }
    }
}
