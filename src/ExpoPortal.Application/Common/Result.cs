namespace ExpoPortal.Application.Common;

/// <summary>Kinds of expected failure; each maps to one HTTP status and one kind of UI message.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,

    /// <summary>The person acted too often in a short time (HTTP 429 with Retry-After).</summary>
    TooManyRequests,
}

/// <summary>An expected failure with a stable code (for tests and clients) and a message key for the UI.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    /// <summary>
    /// What the caller needs to resolve the failure, or null: the other side's version in a save conflict, the booths
    /// that changed since an auto-assign proposal.
    /// </summary>
    public object? Details { get; init; }

    /// <summary>For <see cref="ErrorKind.TooManyRequests"/>: when the caller may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Error Validation(string code, string message) => new(ErrorKind.Validation, code, message);
    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);
    public static Error Conflict(string code, string message, object? details = null) => new(ErrorKind.Conflict, code, message) { Details = details };
}

/// <summary>The outcome of an operation that can fail for reasons a user can act on (slot taken, not yours...).</summary>
public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool Succeeded => Error is null;

    public static Result Success() => new(null);
    public static Result Failure(Error error) => new(error);
    public static implicit operator Result(Error error) => new(error);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base(null) => _value = value;
    private Result(Error error) : base(error) { }

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: {Error!.Code}.");

    public static Result<T> Success(T value) => new(value);
    public static new Result<T> Failure(Error error) => new(error);
    public static implicit operator Result<T>(T value) => new(value);
    public static implicit operator Result<T>(Error error) => new(error);
}
