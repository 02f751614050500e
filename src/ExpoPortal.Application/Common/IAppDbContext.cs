using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Interpreters;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Venues;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Common;

/// <summary>
/// The tables the application services work with. The services use EF Core directly (no repository layer);
/// this interface only keeps the Application project free of the Infrastructure one.
/// </summary>
public interface IAppDbContext : IAsyncDisposable
{
    DbSet<Event> Events { get; }
    DbSet<TimeSlot> TimeSlots { get; }
    DbSet<Hall> Halls { get; }
    DbSet<Booth> Booths { get; }
    DbSet<Exhibitor> Exhibitors { get; }
    DbSet<Participant> Participants { get; }
    DbSet<Interpreter> Interpreters { get; }
    DbSet<Meeting> Meetings { get; }
    DbSet<MeetingWish> MeetingWishes { get; }
    DbSet<MatchingRun> MatchingRuns { get; }
    DbSet<MeetingRequest> MeetingRequests { get; }
    DbSet<Domain.Notifications.Notification> Notifications { get; }
    DbSet<EventOrganizer> EventOrganizers { get; }
    DbSet<Domain.Audit.AuditEntry> AuditLog { get; }
    DbSet<Domain.Privacy.ConsentRecord> ConsentRecords { get; }
    DbSet<ProductPhoto> ProductPhotos { get; }

    /// <summary>For operations that must write all or nothing (replacing a run's proposals).</summary>
    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    /// <summary>The context itself, for the compiled queries of hot paths (EF compiles them against a DbContext type).</summary>
    DbContext Context { get; }

    /// <summary>For setting the version a client read, so that a concurrent save is detected.</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    /// <summary>Saves; a violated unique or exclusion constraint surfaces as <see cref="ConstraintViolationException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>Blazor Server keeps a circuit for a whole visit, so every operation opens its own short-lived context.</summary>
public interface IAppDbContextFactory
{
    Task<IAppDbContext> CreateAsync(CancellationToken cancellationToken = default);
}
