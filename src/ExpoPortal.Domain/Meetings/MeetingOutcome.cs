namespace ExpoPortal.Domain.Meetings;

/// <summary>What came of a meeting: the expo is judged by export deals, so this is recorded after each one.</summary>
public sealed record MeetingOutcome(bool DealExpected, decimal? EstimatedValueUsd, string? Notes, DateTimeOffset RecordedAt);
