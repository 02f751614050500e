using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ExpoPortal.Web.Security;

/// <summary>
/// Behind a reverse proxy (the YARP proxy of the scale-out profile, or a venue's load balancer) every request comes from
/// the proxy's address, so the per-address sign-in limit would lock out the whole venue at once. The client's address is
/// taken from X-Forwarded-For only when the request comes from a proxy named in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>: addresses, <c>ForwardedHeaders:KnownNetworks</c>: CIDR ranges, comma-separated);
/// with neither set the header is ignored, so no client can choose its own address.
/// </summary>
public static class TrustedProxies
{
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = List(configuration["ForwardedHeaders:KnownProxies"]).Select(IPAddress.Parse).ToList();
        var networks = List(configuration["ForwardedHeaders:KnownNetworks"]).Select(System.Net.IPNetwork.Parse).ToList();
        if (proxies.Count == 0 && networks.Count == 0) return app;

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Only the entry the trusted proxy added: anything before it was written by the client.
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
        foreach (var network in networks) options.KnownIPNetworks.Add(network);
        return app.UseForwardedHeaders(options);
    }

    private static IEnumerable<string> List(string? value) =>
        (value ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
