namespace ExpoPortal.Application.Matchmaking;

/// <summary>
/// Ids in the engine's files: a letter for the kind and the database id (P12 participant, E7 exhibitor,
/// S3 slot, I4 interpreter), so an exported instance reads clearly and maps back without a lookup table.
/// </summary>
public static class MatchIds
{
    public static string Participant(int id) => $"P{id}";
    public static string Exhibitor(int id) => $"E{id}";
    public static string Slot(int id) => $"S{id}";
    public static string Interpreter(int id) => $"I{id}";

    public static int Parse(string id, char kind) =>
        id.Length > 1 && id[0] == kind && int.TryParse(id.AsSpan(1), out var value)
            ? value
            : throw new FormatException($"'{id}' is not an id of kind {kind}.");
}
