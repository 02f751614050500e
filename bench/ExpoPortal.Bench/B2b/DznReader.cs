using System.Text.RegularExpressions;
using ExpoPortal.Matching.Io;

namespace ExpoPortal.Bench.B2b;

/// <summary>Reads the paper's MiniZinc data files (<c>requested</c> is the source of truth; ids are 1-based there).</summary>
public static partial class DznReader
{
    public static B2bProblem ReadFile(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MatchFormatException($"{path}: cannot read the file ({e.Message})");
        }
        return Read(text, Path.GetFileName(path));
    }

    public static B2bProblem Read(string text, string name = "dzn")
    {
        int Scalar(string key)
        {
            var match = Regex.Match(text, $@"\b{key}\s*=\s*(\d+)\s*;");
            return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : throw new MatchFormatException($"{name}: {key} is missing or not an integer");
        }
        var businesses = Scalar("nBusiness");
        var meetingCount = Scalar("nMeetings");
        var tables = Scalar("nTables");
        var slots = Scalar("nTotalSlots");
        var morning = Scalar("nMorningSlots");

        var requested = Regex.Match(text, @"requested\s*=\s*\[(.*?)\]\s*;", RegexOptions.Singleline);
        if (!requested.Success) throw new MatchFormatException($"{name}: requested is missing");
        var rows = requested.Groups[1].Value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(r => r.Trim(',', ' ').Length > 0).ToList();
        var meetings = new List<B2bMeeting>();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var cells = row.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cells.Length != 3 || !cells.All(c => int.TryParse(c, out _)))
                throw new MatchFormatException($"{name}: requested row {i + 1}: expected \"a, b, session\", got \"{row}\"");
            int a = int.Parse(cells[0]), b = int.Parse(cells[1]), session = int.Parse(cells[2]);
            if (a < 1 || a > businesses || b < 1 || b > businesses || a == b)
                throw new MatchFormatException($"{name}: requested row {i + 1}: business ids must be distinct and in 1..{businesses}");
            if (session is < 1 or > 3) throw new MatchFormatException($"{name}: requested row {i + 1}: session must be 1, 2 or 3");
            meetings.Add(new B2bMeeting(a - 1, b - 1, session));
        }
        if (meetings.Count != meetingCount) throw new MatchFormatException($"{name}: nMeetings is {meetingCount} but requested has {meetings.Count} rows");

        var forbidden = Enumerable.Range(0, businesses).Select(_ => new bool[slots]).ToArray();
        var forbiddenText = Regex.Match(text, @"forbidden\s*=\s*\[(.*?)\]\s*;", RegexOptions.Singleline);
        if (forbiddenText.Success)
        {
            var sets = SetPattern().Matches(forbiddenText.Groups[1].Value);
            if (sets.Count != businesses) throw new MatchFormatException($"{name}: forbidden has {sets.Count} sets, expected {businesses}");
            for (var b = 0; b < businesses; b++)
                foreach (var cell in sets[b].Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var slot = int.Parse(cell);
                    if (slot == 0) continue; // the format's placeholder
                    if (slot < 1 || slot > slots) throw new MatchFormatException($"{name}: forbidden set {b + 1}: slot {slot} outside 1..{slots}");
                    forbidden[b][slot - 1] = true;
                }
        }
        return new B2bProblem(businesses, tables, slots, morning, meetings, forbidden);
    }

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex SetPattern();
}
