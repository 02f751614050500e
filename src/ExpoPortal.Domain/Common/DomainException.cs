namespace ExpoPortal.Domain.Common;

/// <summary>Thrown when code tries to put an entity into a state its rules forbid: a bug, not a user error.</summary>
public sealed class DomainException(string message) : Exception(message);
