using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Interpreters;
using ExpoPortal.Domain.Matchmaking;
using ExpoPortal.Domain.Meetings;
using ExpoPortal.Domain.Participants;
using ExpoPortal.Domain.Venues;
using ExpoPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpoPortal.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IAppDbContext, IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys live with the data, so sign-ins survive restarts and new containers.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Event> Events => Set<Event>();
    public DbSet<TimeSlot> TimeSlots => Set<TimeSlot>();
    public DbSet<Hall> Halls => Set<Hall>();
    public DbSet<Booth> Booths => Set<Booth>();
    public DbSet<Exhibitor> Exhibitors => Set<Exhibitor>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Interpreter> Interpreters => Set<Interpreter>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingWish> MeetingWishes => Set<MeetingWish>();
    public DbSet<MatchingRun> MatchingRuns => Set<MatchingRun>();
    public DbSet<MeetingRequest> MeetingRequests => Set<MeetingRequest>();
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();
    public DbSet<EventOrganizer> EventOrganizers => Set<EventOrganizer>();
    public DbSet<Domain.Audit.AuditEntry> AuditLog => Set<Domain.Audit.AuditEntry>();
    public DbSet<Domain.Privacy.ConsentRecord> ConsentRecords => Set<Domain.Privacy.ConsentRecord>();
    public DbSet<ProductPhoto> ProductPhotos => Set<ProductPhoto>();
    DbContext IAppDbContext.Context => this;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation,
            ConstraintName: { } constraint,
        })
        {
            throw new ConstraintViolationException(constraint, ex);
        }
    }
}
