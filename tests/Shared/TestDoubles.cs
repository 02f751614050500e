using System.Net;
using System.Net.Sockets;

namespace ExpoPortal.Tests.Shared;

/// <summary>A clock standing at one instant, for rules that depend on "now" (cut-offs, expiry, reminders).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public static class FreePorts
{
    /// <summary>A loopback port nobody listens on right now (for an in-process SMTP server).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class TestActors
{
    /// <summary>
    /// The secretariat acting on whichever test database's event. An administrator, so that a test need not grant it
    /// each event id first; per-event organizer rights have their own tests (PermissionMatrixTests).
    /// </summary>
    public static Application.Common.Actor Secretariat { get; } =
        new("test-secretariat", IsOrganizer: true, null, null, "Secretariat") { IsAdministrator = true };
}
