namespace ExpoPortal.Application.DataExchange;

/// <summary>Whose sign-in an address already is.</summary>
public sealed record AccountOwner(string Email, int? ParticipantId, int? ExhibitorId);

public sealed record AccountRequest(string Email, string DisplayName, string Role, int? ParticipantId, int? ExhibitorId);

/// <param name="Token">A one-time token for <c>/account/set-password</c>.</param>
/// <param name="OnlySignIn">Whether the account is its company's or participant's only sign-in (mails reach all of them).</param>
public sealed record NewAccount(string Email, string Token, int? ParticipantId, int? ExhibitorId, bool OnlySignIn);

/// <summary>The sign-ins that imports make, kept behind this seam so the Application project needs no Identity store.</summary>
public interface IImportAccounts
{
    /// <summary>The accounts of these addresses that exist, by lower-case address.</summary>
    Task<IReadOnlyDictionary<string, AccountOwner>> FindAsync(IReadOnlyCollection<string> emails, CancellationToken ct);

    /// <summary>Creates sign-ins without a password (set through the invitation's link) in the given role.</summary>
    Task<IReadOnlyList<NewAccount>> CreateAsync(IReadOnlyList<AccountRequest> requests, CancellationToken ct);
}
