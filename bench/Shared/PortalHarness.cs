using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.LocalDatabase;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ExpoPortal.BenchHarness;

/// <summary>
/// What the benchmark measures against: a private PostgreSQL cluster of its own (a temp folder; as root the server runs
/// as the postgres user) and the real portal started from its build output as a separate process, so that every
/// figure is taken from outside, over HTTP, as a browser would see it.
/// </summary>
public sealed partial class PortalHarness : IAsyncDisposable
{
    public const string Database = "expo_load";
    private readonly string _folder;
    private readonly Action<string> _log;
    private LocalPostgres? _postgres;
    private Process? _portal;
    private StreamWriter? _portalLog;

    private PortalHarness(string folder, Action<string> log)
    {
        _folder = folder;
        _log = log;
    }

    public Uri BaseAddress { get; private set; } = null!;
    public string ConnectionString { get; private set; } = null!;
    public string PortalLogPath => Path.Combine(_folder, "portal.log");
    public int PortalProcessId => _portal?.Id ?? 0;

    /// <summary>One HTTP handler for every simulated person (cookies are sent by hand), with no cap on connections.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <param name="durable">fsync and synchronous commit on, as a real server runs (off only for quick smoke runs).</param>
    /// <param name="connectionOptions">Appended to the portal's connection string, e.g. "Maximum Pool Size=50".</param>
    /// <param name="statementStatistics">Load pg_stat_statements, for <see cref="TopStatementsAsync"/> (it costs a little CPU itself).</param>
    public static async Task<PortalHarness> StartAsync(bool durable, string? connectionOptions, IReadOnlyDictionary<string, string> portalSettings,
        Action<string> log, CancellationToken ct, bool statementStatistics = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"expo-load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var harness = new PortalHarness(folder, log);
        try
        {
            await harness.StartCoreAsync(durable, connectionOptions, portalSettings, statementStatistics, ct);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(bool durable, string? connectionOptions, IReadOnlyDictionary<string, string> portalSettings,
        bool statementStatistics, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<(string, string)> settings = statementStatistics
            ? [("shared_preload_libraries", "pg_stat_statements"), ("pg_stat_statements.track_planning", "on")] : [];
        _postgres = await Task.Run(() => LocalPostgres.Start(Path.Combine(_folder, "pg"), throwaway: !durable, _log, settings), ct);
        await using (var connection = new NpgsqlConnection(_postgres.ConnectionString("postgres")))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        if (statementStatistics)
        {
            await using var connection = new NpgsqlConnection(_postgres.ConnectionString(Database));
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand("CREATE EXTENSION pg_stat_statements", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        ConnectionString = _postgres.ConnectionString(Database) + (string.IsNullOrWhiteSpace(connectionOptions) ? "" : ";" + connectionOptions.Trim(';'));

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var dll = typeof(PortalHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "PortalAssembly").Value!;
        dll = Path.GetFullPath(dll);
        if (!File.Exists(dll)) throw new InvalidOperationException($"The portal is not built: {dll} is missing (build src/ExpoPortal.Web in the same configuration).");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Expo"] = ConnectionString;
        info.Environment["Demo__LoadOnEmptyDatabase"] = "true";
        info.Environment["Demo__LoadPastEdition"] = "false";
        info.Environment["Mail__PickupDirectory"] = Path.Combine(_folder, "mail");
        // The retention sweep would erase the past edition's participants a minute in, in the middle of the figures.
        info.Environment["Privacy__RetentionSweepHours"] = "0";
        // 1,000 people sign in from this one address before the measured minute; a venue's Wi-Fi looks the same.
        info.Environment["RateLimits__SignInsPerMinute"] = "1000000";
        foreach (var (key, value) in portalSettings) info.Environment[key.Replace(":", "__")] = value;

        _portalLog = new StreamWriter(PortalLogPath) { AutoFlush = true };
        _portal = Process.Start(info) ?? throw new InvalidOperationException("The portal did not start.");
        _portal.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_portalLog) _portalLog.WriteLine(e.Data); };
        _portal.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_portalLog) _portalLog.WriteLine(e.Data); };
        _portal.BeginOutputReadLine();
        _portal.BeginErrorReadLine();

        Http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        // Migrations and the demo event (1,000 participants, 250 exhibitors) are loaded by the portal's own start-up.
        if (await WaitForHealthAsync(TimeSpan.FromMinutes(4), ct) is null)
            throw new InvalidOperationException($"The portal did not become healthy within 4 minutes; see {PortalLogPath}.");
        _log($"Portal ready on {BaseAddress} (pid {_portal.Id}) after {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Polls /health until it answers 200; the time it took, or null at the deadline.</summary>
    public async Task<TimeSpan?> WaitForHealthAsync(TimeSpan deadline, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < deadline)
        {
            if (_portal is { HasExited: true }) throw new InvalidOperationException($"The portal exited ({_portal.ExitCode}); see {PortalLogPath}.");
            if (await IsHealthyAsync(ct)) return watch.Elapsed;
            await Task.Delay(250, ct);
        }
        return null;
    }

    public async Task<bool> IsHealthyAsync(CancellationToken ct)
    {
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await Http.GetAsync("/health", cts.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public bool PortalExited => _portal?.HasExited ?? true;

    /// <summary>The portal's resident memory now and at its peak (Linux /proc), in MB.</summary>
    public (double RssMb, double PeakMb) PortalMemory()
    {
        if (_portal is null || _portal.HasExited || !OperatingSystem.IsLinux()) return (0, 0);
        double Kb(string field) => File.ReadLines($"/proc/{_portal.Id}/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        return (Math.Round(Kb("VmRSS") / 1024, 1), Math.Round(Kb("VmHWM") / 1024, 1));
    }

    /// <summary>
    /// CPU seconds used so far by the portal, by PostgreSQL (its live processes, and through the postmaster's child
    /// times those that ended), by this benchmark's own process, and by the whole machine (Linux /proc; clock ticks of
    /// 1/100 s), so that a run can say where its two cores went.
    /// </summary>
    public CpuTimes CpuSeconds()
    {
        if (_portal is null || _portal.HasExited || !OperatingSystem.IsLinux()) return new(0, 0, 0, 0);
        var postgres = 0.0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            if (ProcessTimes(pid) is not { } times || times.Name != "postgres") continue;
            // The postmaster (its parent is not a postgres process) also carries the times of backends that have ended.
            postgres += times.Own + (ProcessTimes(times.Parent) is { Name: "postgres" } ? 0 : times.Children);
        }
        // The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...; busy is all but idle, iowait and steal.
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var busy = cpu.Take(7).Sum() - cpu[3] - cpu[4];
        return new(ProcessTimes(_portal.Id)?.Own ?? 0, postgres, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, busy / 100.0);
    }

    public sealed record CpuTimes(double Portal, double Postgres, double Benchmark, double Machine);

    /// <summary>From /proc/PID/stat: the command name, the parent, own user+system seconds, and those of waited-for children.</summary>
    private static (string Name, int Parent, double Own, double Children)? ProcessTimes(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
        // Fields after the ")" that ends the name: state [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14].
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Ticks(int i) => long.Parse(f[i], System.Globalization.CultureInfo.InvariantCulture) / 100.0;
        return (name, int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), Ticks(11) + Ticks(12), Ticks(13) + Ticks(14));
    }

    /// <summary>Forgets what pg_stat_statements has counted so far (started with <c>statementStatistics</c>).</summary>
    public async Task ResetStatementStatisticsAsync(CancellationToken ct)
    {
        await using var connection = NewConnection();
        await connection.OpenAsync(ct);
        await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The statements that took the most time since the last reset (execution and planning, as pg_stat_statements
    /// counts them: wall time inside PostgreSQL, so with both cores busy it includes waiting for a core).
    /// </summary>
    public async Task<IReadOnlyList<StatementFigures>> TopStatementsAsync(int count, CancellationToken ct)
    {
        await using var connection = NewConnection();
        await connection.OpenAsync(ct);
        await using var read = new NpgsqlCommand("""
            SELECT calls, total_exec_time + total_plan_time, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
            FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time + total_plan_time DESC LIMIT $1
            """, connection);
        read.Parameters.AddWithValue(count);
        await using var reader = await read.ExecuteReaderAsync(ct);
        var result = new List<StatementFigures>();
        while (await reader.ReadAsync(ct))
        {
            var (calls, total) = (reader.GetInt64(0), reader.GetDouble(1));
            result.Add(new StatementFigures(calls, Math.Round(total), calls == 0 ? 0 : Math.Round(total / calls, 3), reader.GetString(2)));
        }
        return result;
    }

    public sealed record StatementFigures(long Calls, double TotalMs, double MeanMs, string Statement);

    /// <summary>The fault: PostgreSQL stopped as abruptly as a crash (pg_ctl stop -m immediate).</summary>
    public Task StopDatabaseImmediatelyAsync() => Task.Run(() => _postgres!.StopImmediately());

    /// <summary>PostgreSQL started again on the same port (it recovers from its write-ahead log first).</summary>
    public Task StartDatabaseAgainAsync() => Task.Run(() => _postgres!.StartAgain());

    /// <summary>
    /// Sign-ins for the first <paramref name="count"/> participants of the demo event that lack one, with the demo password
    /// (as an import would make them, without the invitation mails). One PBKDF2 hash serves them all: the salt is per hash,
    /// and this is a benchmark's fixture. Returns (participant id, e-mail) of every participant signed in.
    /// </summary>
    public async Task<IReadOnlyList<(int ParticipantId, string Email)>> EnsureParticipantSignInsAsync(int count, CancellationToken ct)
    {
        await using var db = NewDbContext();
        var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).FirstAsync(ct);
        var participants = await db.Participants.AsNoTracking().Where(p => p.EventId == eventId).OrderBy(p => p.Id).Take(count)
            .Select(p => new { p.Id, p.FullName }).ToListAsync(ct);
        var ids = participants.Select(p => p.Id).ToList();
        var existing = await db.Users.Where(u => u.ParticipantId != null && ids.Contains(u.ParticipantId.Value))
            .ToDictionaryAsync(u => u.ParticipantId!.Value, u => u.Email!, ct);
        var roleId = await db.Roles.Where(r => r.NormalizedName == ExpoPortal.Application.Common.Roles.Participant.ToUpperInvariant()).Select(r => r.Id).FirstAsync(ct);
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(null!, AndongDemo.DemoPassword);
        var result = new List<(int, string)>();
        foreach (var p in participants)
        {
            if (existing.TryGetValue(p.Id, out var email))
            {
                result.Add((p.Id, email));
                continue;
            }
            email = $"load-{p.Id}@bench.expo.demo";
            var user = new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                DisplayName = p.FullName, ParticipantId = p.Id,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            result.Add((p.Id, email));
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    public AppDbContext NewDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().Options);

    /// <summary>The benchmark's own checks: unpooled, so that no connection broken by the restart is reused.</summary>
    public NpgsqlConnection NewConnection() => new(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);

    /// <summary>Signs in through the real sign-in form (GET for the antiforgery token, POST, 302 with the cookie).</summary>
    public async Task<Session> SignInAsync(int participantId, string email, CancellationToken ct)
    {
        var session = new Session(participantId, email);
        using (var page = new HttpRequestMessage(HttpMethod.Get, "/account/login"))
        using (var response = await Http.SendAsync(page, ct))
        {
            response.EnsureSuccessStatusCode();
            session.Absorb(response);
            var html = await response.Content.ReadAsStringAsync(ct);
            var token = AntiforgeryToken().Match(html).Groups[1].Value;
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "login",
                    ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                    ["Input.Email"] = email,
                    ["Input.Password"] = AndongDemo.DemoPassword,
                }),
            };
            session.Send(post);
            using var signedIn = await Http.SendAsync(post, ct);
            session.Absorb(signedIn);
            if (signedIn.StatusCode != HttpStatusCode.Redirect || !session.HasCookie("expo.auth"))
                throw new InvalidOperationException($"Sign-in of {email} failed: {(int)signedIn.StatusCode}");
        }
        return session;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_portal is { HasExited: false })
        {
            try { _portal.Kill(entireProcessTree: true); await _portal.WaitForExitAsync(); }
            catch (InvalidOperationException) { /* already gone */ }
        }
        _portal?.Dispose();
        NpgsqlConnection.ClearAllPools();
        try { _postgres?.Stop(); }
        catch (InvalidOperationException) { /* stopped by the fault and not started again */ }
        _portalLog?.Dispose();
        if (Environment.GetEnvironmentVariable("EXPO_LOAD_KEEP") != "1")
        {
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>One signed-in person: its cookies, kept up to date from every response (the sign-in cookie is re-issued).</summary>
public sealed class Session(int participantId, string email)
{
    private readonly Dictionary<string, string> _cookies = [];
    public int ParticipantId { get; } = participantId;
    public string Email { get; } = email;

    public bool HasCookie(string name) { lock (_cookies) return _cookies.ContainsKey(name); }

    public void Send(HttpRequestMessage request)
    {
        lock (_cookies)
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
    }

    public void Absorb(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        lock (_cookies)
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var eq = pair.IndexOf('=');
                if (eq <= 0) continue;
                var (name, content) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (content.Length == 0) _cookies.Remove(name); else _cookies[name] = content;
            }
    }
}
