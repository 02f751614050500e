using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using ExpoPortal.Application.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpoPortal.Infrastructure.Live;

/// <summary>
/// The live backplane on PostgreSQL LISTEN/NOTIFY (docs/decisions/0006-scale-out.md): every instance keeps one
/// connection of its own listening on <see cref="Channel"/>, and sends with <c>SELECT pg_notify(...)</c> after the
/// change committed. A notification reads <c>origin kind payload</c>; each instance has already told its own pages
/// (at once, even while the database is away) and drops what it sent itself. The listening connection is opened again
/// with backoff (0.25 s doubling to 5 s) after it breaks, e.g. when PostgreSQL restarts; messages sent meanwhile
/// are missed, which costs a refresh, never data.
/// </summary>
public sealed class PostgresLiveBackplane : BackgroundService, ILiveBackplane
{
    public const string Channel = "expo_live";

    /// <summary>PostgreSQL's limit is 8000 bytes; ids are a few dozen.</summary>
    private const int MaxPayloadBytes = 7800;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _origin;
    private readonly ILogger<PostgresLiveBackplane> _logger;
    private readonly ConcurrentDictionary<string, Action<string>[]> _handlers = new();
    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresLiveBackplane(string connectionString, PortalInstance instance, ILogger<PostgresLiveBackplane> logger)
    {
        // Keepalives, so that a connection whose server vanished without a word still fails and is opened again.
        _dataSource = new NpgsqlDataSourceBuilder(connectionString)
        {
            ConnectionStringBuilder = { KeepAlive = 10, ApplicationName = "expoportal-live", Pooling = true, MaxPoolSize = 4 },
        }.Build();
        _origin = instance.Id.Replace(' ', '_');
        _logger = logger;
    }

    /// <summary>Completes when the listening connection is (again) listening: the two-instance tests wait for it.</summary>
    public Task Listening => Volatile.Read(ref _listening).Task;

    /// <summary>How many times the listening connection was opened again after it broke.</summary>
    public int Reconnects { get; private set; }

    public void Send(string kind, string payload)
    {
        var message = $"{_origin} {kind} {payload}";
        if (Encoding.UTF8.GetByteCount(message) > MaxPayloadBytes)
        {
            _logger.LogWarning("A live {Kind} message of {Bytes} bytes is too large for NOTIFY and is not sent", kind, Encoding.UTF8.GetByteCount(message));
            return;
        }
        _outgoing.Writer.TryWrite(message);
    }

    public void Receive(string kind, Action<string> handler) =>
        _handlers.AddOrUpdate(kind, _ => [handler], (_, existing) => [.. existing, handler]);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        var opened = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, e) => Dispatch(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (opened)
                {
                    Reconnects++;
                    _logger.LogInformation("Live updates: listening on {Channel} again", Channel);
                }
                opened = true;
                backoff = TimeSpan.FromMilliseconds(250);
                Volatile.Read(ref _listening).TrySetResult();
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (Volatile.Read(ref _listening).Task.IsCompleted)
                    Interlocked.Exchange(ref _listening, new(TaskCreationOptions.RunContinuationsAsynchronously));
                _logger.LogWarning("Live updates: the listening connection failed ({Error}); trying again in {Delay} ms", ex.Message, (int)backoff.TotalMilliseconds);
                try
                {
                    await Task.Delay(backoff, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private void Dispatch(string notification)
    {
        var parts = notification.Split(' ', 3);
        if (parts.Length != 3 || parts[0] == _origin || !_handlers.TryGetValue(parts[1], out var handlers)) return;
        foreach (var handler in handlers)
        {
            try
            {
                handler(parts[2]);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Live updates: a {Kind} message could not be delivered", parts[1]);
            }
        }
    }

    /// <summary>One sender, so this instance's messages arrive in the order they were sent.</summary>
    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(ct))
            {
                try
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(ct);
                    while (_outgoing.Reader.TryPeek(out var message))
                    {
                        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection)
                        {
                            Parameters = { new() { Value = Channel }, new() { Value = message } },
                        };
                        await notify.ExecuteNonQueryAsync(ct);
                        _outgoing.Reader.TryRead(out _);
                    }
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // The database is away: what waits is dropped (those pages re-read on their next change), and
                    // sending goes on once it is back.
                    var dropped = 0;
                    while (_outgoing.Reader.TryRead(out _)) dropped++;
                    _logger.LogWarning("Live updates: {Count} messages not sent to the other instances ({Error})", dropped, ex.Message);
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
    }
}
