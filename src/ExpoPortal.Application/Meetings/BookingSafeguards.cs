using System.Data;
using System.Threading.RateLimiting;
using ExpoPortal.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ExpoPortal.Application.Meetings;

/// <summary>
/// How booking transactions run and how often one person may act: the isolation level of the booking transaction
/// (<c>Database:IsolationLevel</c>, READ COMMITTED by default), how many times a serialization failure or deadlock is
/// retried (<c>Database:TransientRetries</c>), how many booking transactions run at once (<c>Database:ConcurrentBookings</c>),
/// and the per-user booking throttle (<c>RateLimits:BookingsPerUserPerMinute</c>).
/// </summary>
public sealed record BookingSettings
{
    public IsolationLevel IsolationLevel { get; init; } = IsolationLevel.ReadCommitted;

    /// <summary>Retries after the first attempt of a booking that failed with 40001 or 40P01.</summary>
    public int TransientRetries { get; init; } = 3;

    /// <summary>
    /// Booking attempts that run at once; the others wait their turn, first come first served. A few more than the
    /// cores keep PostgreSQL busy; hundreds at once would only queue for connections in random order, so a few waited
    /// seconds while later ones went through.
    /// </summary>
    public int ConcurrentBookings { get; init; } = Math.Max(4, Environment.ProcessorCount * 4);

    /// <summary>Book, cancel and request actions of one participant's or exhibitor's sign-in per minute.</summary>
    public int BookingsPerUserPerMinute { get; init; } = 30;

    public static BookingSettings From(IConfiguration configuration)
    {
        var defaults = new BookingSettings();
        var isolation = configuration["Database:IsolationLevel"] is { Length: > 0 } name
            ? Enum.Parse<IsolationLevel>(name, ignoreCase: true)
            : defaults.IsolationLevel;
        if (isolation is not (IsolationLevel.ReadCommitted or IsolationLevel.RepeatableRead or IsolationLevel.Serializable))
            throw new InvalidOperationException($"Database:IsolationLevel {isolation} is not supported; use ReadCommitted, RepeatableRead or Serializable.");
        return new BookingSettings
        {
            IsolationLevel = isolation,
            TransientRetries = Math.Max(0, configuration.GetValue<int?>("Database:TransientRetries") ?? defaults.TransientRetries),
            ConcurrentBookings = Math.Max(1, configuration.GetValue<int?>("Database:ConcurrentBookings") ?? defaults.ConcurrentBookings),
            BookingsPerUserPerMinute = Math.Max(1, configuration.GetValue<int?>("RateLimits:BookingsPerUserPerMinute") ?? defaults.BookingsPerUserPerMinute),
        };
    }
}

/// <summary>
/// The guards around a booking that are not booking rules: a per-person throttle and a bounded retry of transactions
/// that PostgreSQL aborted to keep them serializable. The throttle lives here, in the service, because Blazor circuit
/// events never pass the HTTP rate-limiting middleware. Organizers of the event are not throttled: one of them books
/// for hundreds of people.
/// </summary>
public sealed class BookingSafeguards : IDisposable
{
    public const string TooManyBookingsCode = "too_many_bookings";
    private readonly PartitionedRateLimiter<string> _perUser;
    private readonly ConcurrencyLimiter _turns;

    public BookingSafeguards(BookingSettings settings)
    {
        Settings = settings;
        _perUser = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.BookingsPerUserPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _turns = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.ConcurrentBookings,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public BookingSettings Settings { get; }

    /// <summary>Null when the actor may act now; otherwise <c>too_many_bookings</c> with when to try again.</summary>
    public Error? Throttle(Actor actor, int eventId)
    {
        if (actor.Organizes(eventId)) return null;
        using var lease = _perUser.AttemptAcquire(actor.UserId);
        if (lease.IsAcquired) return null;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return new Error(ErrorKind.TooManyRequests, TooManyBookingsCode, "Too many booking actions in a short time; please wait a moment.")
        {
            RetryAfter = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter,
        };
    }

    /// <summary>A booking transaction at the configured isolation level.</summary>
    public Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(IAppDbContext db, CancellationToken ct) =>
        db.Database.BeginTransactionAsync(Settings.IsolationLevel, ct);

    /// <summary>
    /// Runs one whole attempt (its own context and transaction) again when PostgreSQL aborted it with a serialization
    /// failure or a deadlock, at most <see cref="BookingSettings.TransientRetries"/> more times. Such an abort rolls the
    /// transaction back, so nothing of the failed attempt was committed; a commit whose outcome is unknown (the
    /// connection broke during COMMIT) is not retried here, and the client's retry with the same request id finds the meeting.
    /// Each attempt waits for its turn (<see cref="BookingSettings.ConcurrentBookings"/>), in arrival order.
    /// </summary>
    public async Task<T> RetryTransientAsync<T>(Func<Task<T>> attempt, CancellationToken ct)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                // The queue has no limit, so a turn is always granted unless the caller gives up (cancellation throws).
                using var turn = await _turns.AcquireAsync(1, ct);
                return await attempt();
            }
            catch (Exception ex) when (retry < Settings.TransientRetries && IsTransient(ex) && !ct.IsCancellationRequested)
            {
                // A short, growing, jittered pause so that the same two transactions do not collide again at once.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * (retry + 1)), ct);
            }
        }
    }

    /// <summary>A serialization failure (40001) or a deadlock (40P01), however EF wrapped it.</summary>
    public static bool IsTransient(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
                return true;
        return false;
    }

    public void Dispose()
    {
        _perUser.Dispose();
        _turns.Dispose();
    }
}
