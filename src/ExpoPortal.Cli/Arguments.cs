using System.Globalization;

namespace ExpoPortal.Cli;

public sealed class UsageException(string message) : Exception(message);

/// <summary><c>--name value</c> options; every value is read through a typed getter that names the option on error.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = [];

    public static Arguments Parse(string[] args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unexpected argument \"{args[i]}\"");
            var name = args[i][2..];
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"--{name} needs a value");
            if (!parsed._values.TryAdd(name, args[++i])) throw new UsageException($"--{name} is given twice");
        }
        return parsed;
    }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"--{name} is required");

    public string? Optional(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string ExistingFile(string name)
    {
        var path = Required(name);
        return File.Exists(path) ? path : throw new UsageException($"--{name}: file \"{path}\" not found");
    }

    public double Seconds(string name, double fallback)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 86_400
            ? value : throw new UsageException($"--{name}: expected a number of seconds > 0, got \"{text}\"");
    }

    public int Int(string name, int fallback, int min = 0)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value : throw new UsageException($"--{name}: expected an integer ≥ {min}, got \"{text}\"");
    }

    /// <summary>Call after reading: an option nobody read is a typo.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option --{unknown[0]}");
    }
}
