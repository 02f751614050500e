using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ExpoPortal.Infrastructure.LocalDatabase;

/// <summary>
/// A private PostgreSQL cluster for running the portal or its tests on a machine with nothing set up:
/// initdb on first use, then started on a free loopback port with trust authentication and no Unix socket.
/// PostgreSQL refuses to run as root, so as root every server command runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    private const string InstallHint =
        "PostgreSQL server binaries were not found. Install them (Debian/Ubuntu: `sudo apt-get install -y postgresql`), " +
        "point PG_BIN at the folder holding pg_ctl, or set ConnectionStrings__Expo to an existing database.";

    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;
    private readonly Action<string> _log;
    private bool _startedHere;
    private string _options = string.Empty;

    private LocalPostgres(string binDirectory, string dataDirectory, Action<string> log)
    {
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        _log = log;
        _runAsPostgresUser = Environment.UserName == "root";
    }

    public string DataDirectory { get; }
    public int Port { get; private set; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true";

    /// <summary>
    /// Starts the cluster in <paramref name="dataDirectory"/> (creating it on first use), or attaches to it if it is
    /// already running. <paramref name="throwaway"/> turns off durability for test clusters; never for real data.
    /// <paramref name="settings"/> are further server settings (name, value), e.g. a benchmark's pg_stat_statements.
    /// </summary>
    public static LocalPostgres Start(string dataDirectory, bool throwaway, Action<string>? log = null, IReadOnlyList<(string Name, string Value)>? settings = null)
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(InstallHint);
        var pg = new LocalPostgres(bin, Path.GetFullPath(dataDirectory), log ?? (_ => { }));
        pg.StartCore(throwaway, settings ?? []);
        return pg;
    }

    /// <summary>PG_BIN if set, else the newest /usr/lib/postgresql/N/bin, else pg_ctl on the PATH.</summary>
    public static string? FindBinDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(Path.Combine(fromEnv, "pg_ctl"))) return fromEnv;
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "pg_ctl")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null) return newest.Dir;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
    }

    private void StartCore(bool throwaway, IReadOnlyList<(string Name, string Value)> settings)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            InitDb();

        if (TryAttach()) return;

        Port = FreePort();
        _options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200";
        if (throwaway) _options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        foreach (var (name, value) in settings) _options += $" -c {name}={value}";
        StartServer();
        _log($"Started PostgreSQL on 127.0.0.1:{Port} (data in {DataDirectory})");
    }

    private void StartServer()
    {
        Run("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-o", _options, "start");
        _startedHere = true;
    }

    /// <summary>
    /// Fault tests only: stops the server as abruptly as a crash (<c>pg_ctl stop -m immediate</c>: no checkpoint,
    /// every connection cut; the next start recovers from the write-ahead log).
    /// </summary>
    public void StopImmediately()
    {
        if (!_startedHere) throw new InvalidOperationException("Only a server started by this object can be stopped.");
        Run("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        _startedHere = false;
    }

    /// <summary>Fault tests only: starts a server stopped by <see cref="StopImmediately"/> again, on the same port.</summary>
    public void StartAgain()
    {
        if (_startedHere || _options.Length == 0) throw new InvalidOperationException("The server is running, or was not started by this object.");
        StartServer();
    }

    private void InitDb()
    {
        Directory.CreateDirectory(DataDirectory);
        if (_runAsPostgresUser)
            RunTool("chown", "-R", "postgres:postgres", DataDirectory);
        _log($"Creating a PostgreSQL cluster in {DataDirectory}");
        Run("initdb", "-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale");
    }

    /// <summary>A cluster left running by an earlier start is reused rather than started twice.</summary>
    private bool TryAttach()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return false;
        if (Execute(Tool("pg_ctl"), ["-D", DataDirectory, "status"], throwOnError: false) != 0) return false;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[3], out var port)) return false;
        Port = port;
        _log($"Using the PostgreSQL already running on 127.0.0.1:{Port} (data in {DataDirectory})");
        return true;
    }

    /// <summary>Stops the server if this object started it.</summary>
    public void Stop()
    {
        if (!_startedHere) return;
        _startedHere = false;
        Execute(Tool("pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], throwOnError: false);
        _log("Stopped PostgreSQL");
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Tool(string name) => Path.Combine(_binDirectory, name);

    private void Run(string pgTool, params string[] args) => Execute(Tool(pgTool), args, throwOnError: true);

    private void RunTool(string tool, params string[] args) => Execute(tool, args, throwOnError: true, asPostgres: false);

    private int Execute(string file, string[] args, bool throwOnError, bool asPostgres = true)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user must be able to read the working folder.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && _runAsPostgresUser)
        {
            info.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", file }) info.ArgumentList.Add(a);
        }
        else
        {
            info.FileName = file;
        }
        foreach (var a in args) info.ArgumentList.Add(a);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} failed with exit code {process.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()}".Trim()
                + (Path.GetFileName(file) == "pg_ctl" ? $" See {Path.Combine(DataDirectory, "server.log")}." : string.Empty));
        return process.ExitCode;
    }
}
