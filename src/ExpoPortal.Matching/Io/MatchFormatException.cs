namespace ExpoPortal.Matching.Io;

/// <summary>
/// A file that does not follow its format. The message names the record and field
/// (e.g. <c>exhibitors[3] (id "E4").tables: expected an integer ≥ 1, got "two"</c>).
/// </summary>
public sealed class MatchFormatException(string message) : Exception(message);
