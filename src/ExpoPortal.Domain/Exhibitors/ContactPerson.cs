namespace ExpoPortal.Domain.Exhibitors;

/// <summary>Who buyers and organizers reach at the company.</summary>
public sealed record ContactPerson(string Name, string Email, string? Phone);
