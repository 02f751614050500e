using System.Collections.Concurrent;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace ExpoPortal.Proxy;

/// <summary>
/// A small YARP host in front of several portal instances. Blazor Server keeps each page's state in a circuit on the
/// instance that opened it, so a browser must keep talking to that instance: the first response sets an affinity
/// cookie naming (as a hash) the backend it came from, and every later request and the circuit's WebSocket follow
/// it. New browsers are spread round-robin; a backend that fails its health check (<c>/alive</c>) gets no new ones.
/// Settings: <c>Proxy:Backends</c> (comma-separated addresses), and the usual <c>--urls</c>.
/// </summary>
public static class ProxyHost
{
    public const string AffinityCookie = ".ExpoPortal.Backend";

    /// <summary>Names the backend that answered, for operators (and the two-instance tests).</summary>
    public const string BackendHeader = "X-Expo-Backend";

    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        var backends = (builder.Configuration["Proxy:Backends"] ?? "http://127.0.0.1:5080")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        builder.Services.AddSingleton<ProxyTraffic>();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig
            {
                RouteId = "portal", ClusterId = "portal", Match = new RouteMatch { Path = "{**path}" },
                // The browser's Host goes on to the portal, so that the links, redirects and form targets it builds
                // (and its CSP's 'self') name the proxy, not the backend. X-Forwarded-For/Proto/Host are added by default.
                Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
            }],
            [new ClusterConfig
            {
                ClusterId = "portal",
                LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
                SessionAffinity = new SessionAffinityConfig
                {
                    Enabled = true,
                    // A hash of the backend's id, stable across proxy restarts and the same on every proxy replica.
                    Policy = "HashCookie",
                    FailurePolicy = "Redistribute",
                    AffinityKeyName = AffinityCookie,
                    Cookie = new SessionAffinityCookieConfig { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax },
                },
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true, Interval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(3), Policy = "ConsecutiveFailures", Path = "/alive",
                    },
                },
                Destinations = backends.Select((address, i) => (Id: $"portal-{i + 1}", Address: address))
                    .ToDictionary(b => b.Id, b => new DestinationConfig { Address = b.Address }),
            }]);

        var app = builder.Build();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(async (context, next) =>
            {
                var traffic = context.RequestServices.GetRequiredService<ProxyTraffic>();
                context.Response.OnStarting(() =>
                {
                    if (context.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } destination)
                    {
                        context.Response.Headers[BackendHeader] = destination.DestinationId;
                        traffic.Count(destination.DestinationId);
                    }
                    return Task.CompletedTask;
                });
                await next();
            });
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}

/// <summary>Responses per backend since the proxy started.</summary>
public sealed class ProxyTraffic
{
    private readonly ConcurrentDictionary<string, int> _responses = new();

    public void Count(string backend) => _responses.AddOrUpdate(backend, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, int> Responses => _responses.ToDictionary();
}

public static class ProxyProgram
{
    public static async Task Main(string[] args) => await ProxyHost.Build(args).RunAsync();
}
