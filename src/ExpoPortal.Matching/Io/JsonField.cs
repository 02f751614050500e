using System.Globalization;
using System.Text.Json;

namespace ExpoPortal.Matching.Io;

/// <summary>
/// A JSON value together with its path in the document, so every validation error can say
/// exactly which field of which record is wrong.
/// </summary>
internal readonly struct JsonField(JsonElement element, string path)
{
    public JsonElement Element { get; } = element;
    public string Path { get; } = path;

    public MatchFormatException Error(string problem) => new($"{Path}: {problem}");

    private string Describe() => Element.ValueKind switch
    {
        JsonValueKind.String => $"\"{Element.GetString()}\"",
        JsonValueKind.Undefined => "nothing",
        _ => Element.GetRawText().Length > 40 ? Element.ValueKind.ToString().ToLowerInvariant() : Element.GetRawText(),
    };

    public bool Has(string name) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public JsonField Child(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
            throw Error($"expected an object, got {Describe()}");
        return Element.TryGetProperty(name, out var value)
            ? new JsonField(value, $"{Path}.{name}")
            : new JsonField(default, $"{Path}.{name}");
    }

    public JsonField Required(string name)
    {
        var child = Child(name);
        if (child.Element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            throw child.Error("is required");
        return child;
    }

    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(Element.GetString()))
            throw Error($"expected a non-empty string, got {Describe()}");
        return Element.GetString()!;
    }

    public string? OptionalString(string name)
    {
        var child = Child(name);
        return child.Element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : child.String();
    }

    public int Int(int min, int max = int.MaxValue)
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt32(out var value))
            throw Error($"expected an integer, got {Describe()}");
        if (value < min || value > max)
            throw Error(max == int.MaxValue ? $"expected an integer ≥ {min}, got {value}" : $"expected an integer in {min}..{max}, got {value}");
        return value;
    }

    public long Long()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt64(out var value))
            throw Error($"expected an integer, got {Describe()}");
        return value;
    }

    public double Double()
    {
        if (Element.ValueKind != JsonValueKind.Number)
            throw Error($"expected a number, got {Describe()}");
        return Element.GetDouble();
    }

    public bool Bool()
    {
        if (Element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw Error($"expected true or false, got {Describe()}");
        return Element.GetBoolean();
    }

    public DateTimeOffset Timestamp()
    {
        var text = String();
        // The offset is required: a slot grid without a time zone is ambiguous across borders.
        if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) || !(text.EndsWith('Z') || text.Length > 6 && (text[^6] is '+' or '-')))
            throw Error($"expected an ISO-8601 date-time with offset (e.g. 2025-10-02T09:00+09:00), got \"{text}\"");
        return value;
    }

    public IEnumerable<JsonField> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
            throw Error($"expected an array, got {Describe()}");
        var index = 0;
        foreach (var item in Element.EnumerateArray())
            yield return new JsonField(item, $"{Path}[{index++}]");
    }

    /// <summary>The same field, with the record's id in its path for friendlier messages.</summary>
    public JsonField Named(string id) => new(Element, $"{Path} (id \"{id}\")");

    public IReadOnlyList<string> Strings() => Items().Select(i => i.String()).ToList();

    public IReadOnlyList<string>? OptionalStrings(string name)
    {
        var child = Child(name);
        return child.Element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : child.Strings();
    }
}
