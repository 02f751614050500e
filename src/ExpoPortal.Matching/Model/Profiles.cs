namespace ExpoPortal.Matching.Model;

/// <summary>A product line, named by its HS code (2, 4 or 6 digits) and an optional label.</summary>
public sealed record Product(string Hs, string? Name = null);

/// <summary>Company size, compared with a buyer's import scale.</summary>
public enum CompanySize { Small, Medium, Large }

/// <summary>What an exhibitor sells and to whom.</summary>
public sealed record ExhibitorProfile(
    IReadOnlyList<Product> Products,
    IReadOnlyList<string> TargetMarkets,
    string? Industry,
    CompanySize Size,
    Wishlist Wishlist);

/// <summary>What a buyer imports and from where it comes.</summary>
public sealed record ParticipantProfile(
    string Country,
    IReadOnlyList<Product> Interests,
    string? Industry,
    CompanySize ImportScale,
    Wishlist Wishlist);

/// <summary>Ids of the other side, by level of interest.</summary>
public sealed record Wishlist(
    IReadOnlyList<string> MustMeet,
    IReadOnlyList<string> WouldLike,
    IReadOnlyList<string> NotInterested)
{
    public static readonly Wishlist Empty = new([], [], []);
}
