namespace ExpoPortal.Domain.Meetings;

/// <summary>
/// What came of a meeting: the expo is judged by export deals, so this is recorded after each one. The results
/// report adds these up as Korean expos publish them: consultation value, expected contract value, MOUs signed.
/// </summary>
/// <param name="EstimatedValueUsd">The expected contract value (USD).</param>
/// <param name="ConsultationValueUsd">The value of the deal discussed in the consultation (USD), as the exhibitor reports it.</param>
/// <param name="MouValueUsd">The value written in the MOU, when one was signed.</param>
public sealed record MeetingOutcome(bool DealExpected, decimal? EstimatedValueUsd, string? Notes, DateTimeOffset RecordedAt,
    decimal? ConsultationValueUsd = null, bool MouSigned = false, decimal? MouValueUsd = null)
{
    public const int MaxNotesLength = 1000;

    /// <summary>An outcome as a form sends it, refused when a value is negative or an MOU value comes without an MOU.</summary>
    public static MeetingOutcome Of(decimal? consultationValueUsd, decimal? expectedContractValueUsd, bool mouSigned, decimal? mouValueUsd,
        string? notes, DateTimeOffset now)
    {
        if (consultationValueUsd < 0 || expectedContractValueUsd < 0 || mouValueUsd < 0)
            throw new Common.DomainException("Values cannot be negative.");
        if (!mouSigned && mouValueUsd is not null) throw new Common.DomainException("An MOU value needs a signed MOU.");
        var text = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (text?.Length > MaxNotesLength) throw new Common.DomainException($"Notes have at most {MaxNotesLength} characters.");
        return new MeetingOutcome(expectedContractValueUsd > 0 || mouSigned, expectedContractValueUsd, text, now, consultationValueUsd, mouSigned, mouValueUsd);
    }
}
