using ExpoPortal.Application.Booths;
using ExpoPortal.Application.Events;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Application.Matchmaking;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExpoPortal.Application;

public static class DependencyInjection
{
    /// <summary>The application services. They are stateless and open a short-lived DbContext per call.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Common.PortalInstance>();
        // Replaced by PostgreSQL LISTEN/NOTIFY in Infrastructure, so that every instance's pages hear of every change.
        services.TryAddSingleton<Common.ILiveBackplane, Common.SingleInstanceBackplane>();
        services.AddSingleton<EventService>();
        services.AddSingleton<Access.OrganizerGrants>();
        services.AddSingleton<Audit.AuditLogQuery>();
        services.AddSingleton<Privacy.Consents>();
        services.AddSingleton<EventSetup>();
        services.AddSingleton<ExhibitorDirectory>();
        services.AddSingleton<DirectoryBook>();
        services.AddSingleton<ExhibitorListing>();
        services.AddSingleton<ProductPhotos>();
        services.AddSingleton<ExhibitorTeam>();
        services.AddSingleton<Recommendations>();
        services.AddSingleton<BoothList>();
        services.AddSingleton<BoothAssignment>();
        services.AddSingleton<BoothAutoAssign>();
        services.AddSingleton<BoothEditing>();
        services.AddSingleton(sp => BookingSettings.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<BookingSafeguards>();
        services.AddSingleton<MeetingBooking>();
        services.AddSingleton<Wishlist>();
        services.AddSingleton<ISlotChanges, InProcessSlotChanges>();
        services.AddSingleton<MeetingRequests>();
        services.AddSingleton<Desk.DeskService>();
        services.AddSingleton<Desk.CheckIns>();
        services.AddSingleton<Desk.InterpreterPool>();
        services.AddSingleton<Results.ResultsReport>();
        services.AddSingleton<Results.LiveDashboard>();
        services.AddSingleton<MailOutboxSignal>();
        services.AddSingleton<NotificationCenter>();
        services.AddSingleton<MeetingReminders>();
        services.AddHostedService<NotificationScheduler>();
        services.AddSingleton<DataExchange.DataImports>();
        services.AddSingleton<DataExchange.DataExports>();
        services.AddSingleton<MatchInstanceBuilder>();
        services.AddSingleton<MatchingRunQueue>();
        services.AddSingleton<IMatchingRunChanges, InProcessMatchingRunChanges>();
        // A published matching tells everyone with a meeting in it (bell and mail).
        services.AddSingleton<IMatchingEvents, SchedulePublishedNotices>();
        services.AddSingleton<MatchingReview>();
        services.AddSingleton<MatchingRunExecutor>();
        services.AddSingleton<MatchmakingService>();
        services.AddHostedService<MatchingRunWorker>();
        return services;
    }
}
