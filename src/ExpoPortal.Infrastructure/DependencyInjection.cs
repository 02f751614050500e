using ExpoPortal.Application.Common;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.LocalDatabase;
using ExpoPortal.Infrastructure.Mail;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExpoPortal.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Expo";

    /// <summary>
    /// PostgreSQL, EF Core and ASP.NET Core Identity. With no connection string configured, a private local
    /// PostgreSQL is started (see <see cref="LocalPostgres"/>) and stopped again when the host stops.
    /// </summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder, Action<string>? log = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        string? localCertificate = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = builder.Configuration["LocalPostgres:DataDirectory"] is { Length: > 0 } configured
                ? configured
                : DefaultLocalDataDirectory();
            var local = LocalPostgres.Start(dataDirectory, throwaway: false, log);
            localCertificate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, KeyProtection.FileName);
            connectionString = local.ConnectionString(builder.Configuration["LocalPostgres:Database"] ?? "expoportal");
            builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = connectionString;
            // Registered through a factory so the container disposes it, stopping the server even when start-up fails.
            builder.Services.AddSingleton(_ => local);
            builder.Services.AddHostedService<LocalPostgresLifetime>();
        }

        // Pooled: a context is rented and reset rather than built with its own service scope for every query; in the
        // minute booking opens that building was a measurable share of the portal's CPU (bench/BookingLoadBench).
        builder.Services.AddPooledDbContextFactory<AppDbContext>(options => ConfigureDbContext(options, connectionString));
        // Identity's stores, data-protection keys and the health check take the context from the request's scope.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<IAppDbContextFactory, AppDbContextFactory>();

        builder.Services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                // Five wrong passwords lock the account for 15 minutes (ASVS 2.2.1).
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // Invitations of imported people carry a password-reset token: give them two weeks to follow it.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(14));
        // In PostgreSQL, so that a sign-in made on one instance counts on every other and after a restart; encrypted at rest.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ExpoPortal").PersistKeysToDbContext<AppDbContext>();
        KeyProtection.Configure(dataProtection, builder.Configuration, localCertificate, log);

        // Live page updates reach the pages of every instance through PostgreSQL LISTEN/NOTIFY.
        builder.Services.AddSingleton(sp => new Live.PostgresLiveBackplane(connectionString,
            sp.GetRequiredService<Application.Common.PortalInstance>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Live.PostgresLiveBackplane>>()));
        builder.Services.AddSingleton<Application.Common.ILiveBackplane>(sp => sp.GetRequiredService<Live.PostgresLiveBackplane>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Live.PostgresLiveBackplane>());
        builder.Services.AddSingleton<ExpoPortal.Application.Desk.ICheckInTokens, CheckIn.CheckInTokens>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("postgresql", tags: ["ready"]);
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton<Application.Access.IPortalUsers, PortalUsers>();
        builder.Services.AddSingleton<Application.Exhibitors.IStaffAccounts, StaffAccounts>();
        builder.Services.AddSingleton<Application.Exhibitors.IPhotoEncoder, Images.SkiaPhotoEncoder>();
        builder.Services.AddSingleton<Application.DataExchange.IImportAccounts, ImportAccounts>();
        builder.Services.AddSingleton<Privacy.PersonalData>();
        builder.Services.AddSingleton<Privacy.RetentionSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Privacy.RetentionSweeper>());

        // Mails leave through SMTP when Smtp:Host is set, else as .eml files in a pickup folder beside the data.
        var pickup = Path.Combine(Path.GetDirectoryName(DefaultLocalDataDirectory())!, "mail-pickup");
        builder.Services.AddSingleton(MailSettings.Read(builder.Configuration, pickup));
        builder.Services.AddHostedService<MailSender>();

        // The directory book embeds NanumGothic (fonts-nanum); a missing font fails the request with what to install.
        builder.Services.AddSingleton<ExpoPortal.Application.Exhibitors.IDirectoryBookRenderer>(
            new Documents.DirectoryBookPdf(builder.Configuration["Pdf:FontDirectory"] is { Length: > 0 } fonts ? fonts : Documents.NanumFontResolver.DefaultDirectory));
        return builder;
    }

    internal static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithPortalDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Npgsql settings the portal runs best with, unless the connection string sets them: statements used often are
    /// prepared on each connection (PostgreSQL then skips parsing and planning them), and a pool sized to the cores
    /// (measured with bench/BookingLoadBench).
    /// </summary>
    public static string WithPortalDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 64;
        // A few connections per core: more PostgreSQL backends than cores only queue on locks and CPU. On 2 cores with
        // 200 bookings in flight, 20 connections gave 300 attempts/s and p99 1.1 s; Npgsql's default of 100 gave 168/s, p99 6.7 s.
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
            builder.MaxPoolSize = Math.Max(20, Environment.ProcessorCount * 10);
        return builder.ConnectionString;
    }

    /// <summary>Outside /root as root, because the postgres user must be able to reach it.</summary>
    private static string DefaultLocalDataDirectory() =>
        Environment.UserName == "root"
            ? "/var/lib/expoportal/postgres"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "expoportal", "postgres");
}

/// <summary>Stops the private PostgreSQL cleanly when the portal stops.</summary>
internal sealed class LocalPostgresLifetime(LocalPostgres postgres) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        postgres.Stop();
        return Task.CompletedTask;
    }
}
