using System.Net;
using System.Net.Http.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Meetings;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Identity;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Security;

/// <summary>
/// Every role × every route, over HTTP on the demo event: who gets in and who is refused. "In" means the request
/// passed authorization (any answer but 401/403, and for pages 200); "refused" means 401/403, a 404 that hides
/// someone else's data, or for pages a redirect to sign-in or access-denied. Every route the portal maps must be
/// in the matrix: a new route without a line here fails the test.
/// </summary>
public sealed class PermissionMatrixTests(PostgresServer postgres)
{
    private const string Slug = AndongDemo.Slug;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Role { Anonymous, ParticipantA, ParticipantB, ExhibitorA, ExhibitorB, Organizer, OtherOrganizer, Administrator }

    private static readonly IReadOnlyDictionary<Role, string?> SignIns = new Dictionary<Role, string?>
    {
        [Role.Anonymous] = null,
        [Role.ParticipantA] = "buyer@expo.demo",
        [Role.ParticipantB] = "member@expo.demo",
        [Role.ExhibitorA] = "exhibitor@expo.demo",
        [Role.ExhibitorB] = "exhibitor2@expo.demo",
        [Role.Organizer] = "organizer@expo.demo",
        [Role.OtherOrganizer] = OtherOrganizerEmail,
        [Role.Administrator] = "admin@expo.demo",
    };

    private const string OtherOrganizerEmail = "incheon-secretariat@expo.test";

    private static readonly Role[] Everyone = Enum.GetValues<Role>();
    private static readonly Role[] SignedIn = Everyone.Except([Role.Anonymous]).ToArray();
    private static readonly Role[] EventOrganizers = [Role.Organizer, Role.Administrator];

    /// <param name="Pattern">The route as the portal maps it, for the coverage check.</param>
    private sealed record Operation(string Method, string Pattern, string Path, Role[] Allowed, object? Body = null);

    [Fact]
    public async Task Every_role_reaches_exactly_the_routes_meant_for_it_and_every_route_is_in_the_matrix()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var ids = await SetUpAsync(app);
        var operations = Matrix(ids);

        // Coverage first: a route nobody thought about is the one that leaks.
        var mapped = MappedRoutes(app);
        var inMatrix = operations.Select(o => (o.Method, o.Pattern)).Concat(Unprotected).ToHashSet();
        var missing = mapped.Where(r => !inMatrix.Contains(r)).Select(r => $"{r.Method} {r.Pattern}").ToList();
        Assert.True(missing.Count == 0, "Routes missing from the permission matrix:\n" + string.Join("\n", missing));

        var clients = new Dictionary<Role, HttpClient>();
        foreach (var (role, email) in SignIns)
            clients[role] = email is null ? app.CreateBrowserlessClient() : await app.SignInAsync(email);

        var unexpected = new List<string>();
        foreach (var op in operations)
            foreach (var role in Everyone)
            {
                using var request = new HttpRequestMessage(new HttpMethod(op.Method), op.Path);
                if (op.Body is not null) request.Content = JsonContent.Create(op.Body);
                using var response = await clients[role].SendAsync(request, Ct);
                var passed = Passed(op, response);
                var allowed = op.Allowed.Contains(role);
                if (passed != allowed)
                    unexpected.Add($"{role} {(passed ? "ALLOWED" : "refused")} {op.Method} {op.Path} → {(int)response.StatusCode} {response.Headers.Location}");
            }

        Assert.True(unexpected.Count == 0, $"{unexpected.Count} unexpected outcomes:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public async Task At_the_service_layer_an_organizer_of_another_event_and_other_exhibitors_are_refused_too()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync());
        var ids = await SetUpAsync(app);
        var other = Actor.OrganizerOf("other", ids.EventId + 1000);
        var exhibitorB = new Actor("x", false, ids.ExhibitorB, null);
        var participantB = new Actor("p", false, null, ids.ParticipantB);
        var listings = app.Services.GetRequiredService<Application.Exhibitors.ExhibitorListing>();
        var booking = app.Services.GetRequiredService<MeetingBooking>();
        var booths = app.Services.GetRequiredService<Application.Booths.BoothAssignment>();
        var matching = app.Services.GetRequiredService<Application.Matchmaking.MatchmakingService>();

        Assert.Equal("not_your_listing", (await listings.GetAsync(exhibitorB, ids.ExhibitorA, Ct)).Error?.Code);
        Assert.Equal("not_your_listing", (await listings.GetAsync(other, ids.ExhibitorA, Ct)).Error?.Code);
        Assert.True((await listings.GetAsync(Actor.OrganizerOf("mine", ids.EventId), ids.ExhibitorA, Ct)).Succeeded);
        Assert.Equal("not_your_agenda", (await booking.AgendaOfParticipantAsync(participantB, ids.EventId, ids.ParticipantA, Ct)).Error?.Code);
        Assert.Equal("not_your_agenda", (await booking.AgendaOfParticipantAsync(other, ids.EventId, ids.ParticipantA, Ct)).Error?.Code);
        Assert.Equal("not_your_meeting", (await booking.BookAsync(other, ids.EventId, new BookMeetingRequest(ids.ParticipantA, ids.ExhibitorC, ids.FreeSlot), Ct)).Error?.Code);
        Assert.Equal("meeting_not_found", (await booking.CancelAsync(other, ids.EventId, ids.MeetingOfA, Ct)).Error?.Code);
        Assert.Equal("meeting_not_found", (await booking.CancelAsync(participantB, ids.EventId, ids.MeetingOfA, Ct)).Error?.Code);
        Assert.Equal("organizers_only", (await booths.ListAsync(other, ids.EventId, Ct)).Error?.Code);
        Assert.Equal("organizers_only", (await matching.QueueRunAsync(other, ids.EventId, ct: Ct)).Error?.Code);
        Assert.Equal("organizers_only", (await matching.PublishAsync(other, ids.EventId, 1, ct: Ct)).Error?.Code);
    }

    private sealed record Ids(int EventId, int ParticipantA, int ParticipantB, int ExhibitorA, int ExhibitorB, int ExhibitorC, int FreeSlot, int MeetingOfA, string OtherOrganizerId, int ParticipantC, int Interpreter, int ProductA, Guid PhotoA);

    private static async Task<Ids> SetUpAsync(ExpoApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var other = new ApplicationUser { UserName = OtherOrganizerEmail, Email = OtherOrganizerEmail, EmailConfirmed = true, DisplayName = "Incheon secretariat" };
        Assert.True((await users.CreateAsync(other, ExpoApp.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(other, Roles.Organizer); // an organizer, of no event of this database

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var eventId = await db.Events.Where(e => e.Slug == Slug).Select(e => e.Id).SingleAsync(Ct);
        int Profile(string email, bool exhibitor) => users.Users.Where(u => u.Email == email)
            .Select(u => exhibitor ? u.ExhibitorId!.Value : u.ParticipantId!.Value).Single();
        var (a, b) = (Profile("buyer@expo.demo", false), Profile("member@expo.demo", false));
        var (xa, xb) = (Profile("exhibitor@expo.demo", true), Profile("exhibitor2@expo.demo", true));

        // A third exhibitor, and two slots in which participant A can meet it and another.
        var booking = app.Services.GetRequiredService<MeetingBooking>();
        var candidates = await db.Exhibitors.Where(x => x.EventId == eventId && x.BoothId != null && x.Id != xa && x.Id != xb)
            .OrderBy(x => x.Id).Select(x => x.Id).Take(40).ToListAsync(Ct);
        int? meeting = null;
        int exhibitorC = 0, freeSlot = 0;
        foreach (var x in candidates)
        {
            var slots = await booking.SlotsAsync(new Actor("a", false, null, a), eventId, x, Ct);
            var free = slots.Value.Where(s => s.State == SlotState.Free).Select(s => s.SlotId).ToList();
            if (free.Count < 2) continue;
            if (meeting is null)
            {
                var booked = await booking.BookAsync(TestActors.Secretariat, eventId, new BookMeetingRequest(a, x, free[0]), Ct);
                if (booked.Succeeded) meeting = booked.Value.Id;
                continue;
            }
            (exhibitorC, freeSlot) = (x, free[^1]);
            break;
        }
        Assert.True(meeting is not null && exhibitorC > 0, "no meeting or free slot for participant A in the demo");
        var c = await db.Participants.Where(p => p.EventId == eventId && p.Id != a && p.Id != b).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        var interpreter = await db.Interpreters.Where(i => i.EventId == eventId).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
        // A photo of exhibitor A's first product, for the photo routes.
        var productA = await db.Exhibitors.Where(x => x.Id == xa).SelectMany(x => x.Products).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        using var picture = new SkiaSharp.SKBitmap(8, 8);
        using var png = SkiaSharp.SKImage.FromBitmap(picture).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var photo = await app.Services.GetRequiredService<Application.Exhibitors.ProductPhotos>()
            .UploadAsync(new Actor("x", false, xa, null, "staff"), xa, productA, png.AsStream(), Ct);
        return new Ids(eventId, a, b, xa, xb, exhibitorC, freeSlot, meeting!.Value, other.Id, c, interpreter, productA, photo.Value.PhotoId);
    }

    private static List<Operation> Matrix(Ids ids)
    {
        var e = $"/api/events/{Slug}";
        var page = $"/events/{Slug}";
        Role[] participants = [Role.ParticipantA, Role.ParticipantB];
        Role[] exhibitors = [Role.ExhibitorA, Role.ExhibitorB];
        return
        [
            // Reading the directory and an exhibitor's slots: anyone signed in.
            new("GET", "/api/events/{slug}/exhibitors", $"{e}/exhibitors", SignedIn),
            new("GET", "/api/events/{slug}/exhibitors/{exhibitorId:int}/slots", $"{e}/exhibitors/{ids.ExhibitorC}/slots", SignedIn),
            // Booking for participant A: A itself and the event's organizers; the exhibitor booked with may too, not others.
            new("POST", "/api/events/{slug}/meetings", $"{e}/meetings", [Role.ParticipantA, .. EventOrganizers],
                new BookMeetingRequest(ids.ParticipantA, ids.ExhibitorC, ids.FreeSlot)),
            new("POST", "/api/events/{slug}/meetings/{meetingId:int}/cancel", $"{e}/meetings/{ids.MeetingOfA}/cancel", [Role.ParticipantA, .. EventOrganizers]),
            new("GET", "/api/events/{slug}/participants/{participantId:int}/agenda", $"{e}/participants/{ids.ParticipantA}/agenda", [Role.ParticipantA, .. EventOrganizers]),
            new("GET", "/my/agenda.ics", "/my/agenda.ics", participants),
            new("GET", "/api/my/listing", "/api/my/listing", exhibitors),
            new("PUT", "/api/my/listing", "/api/my/listing", exhibitors, new { }),
            // A product's photo: only its company's staff change it (the other company's finds no such product); anyone signed in sees it.
            // A company's team: its own staff (each exhibitor here is its company's primary contact); an unknown colleague is "not found" to them.
            new("GET", "/api/my/team", "/api/my/team", exhibitors),
            new("POST", "/api/my/team", "/api/my/team", exhibitors, new { }),
            new("DELETE", "/api/my/team/{userId}", "/api/my/team/no-such-user", exhibitors),
            // A meeting's owner: the staff of its exhibitor and the event's organizers.
            new("PUT", "/api/events/{slug}/meetings/{meetingId:int}/owner", $"{e}/meetings/{ids.MeetingOfA}/owner", EventOrganizers, new { userId = (string?)null }),
            // (The removal comes last: the photo is gone after exhibitor A's turn.)
            new("GET", "/api/events/{slug}/photos/{photoId:guid}", $"{e}/photos/{ids.PhotoA:N}", SignedIn),
            new("PUT", "/api/my/listing/products/{productId:int}/photo", $"/api/my/listing/products/{ids.ProductA}/photo", [Role.ExhibitorA], new { }),
            new("DELETE", "/api/my/listing/products/{productId:int}/photo", $"/api/my/listing/products/{ids.ProductA}/photo", [Role.ExhibitorA]),
            // The organizers' workspace: this event's organizers only.
            new("GET", "/api/events/{slug}/figures", $"{e}/figures", EventOrganizers),
            new("GET", "/api/events/{slug}/booths", $"{e}/booths", EventOrganizers),
            new("POST", "/api/events/{slug}/booths", $"{e}/booths", EventOrganizers, new { code = "", hall = "" }),
            new("PUT", "/api/events/{slug}/booths/{code}", $"{e}/booths/ZZ-99", EventOrganizers, new { x = 0, y = 0, width = 1, height = 1, tables = 1, zone = "x" }),
            new("PUT", "/api/events/{slug}/booths/{code}/exhibitor", $"{e}/booths/ZZ-99/exhibitor", EventOrganizers, new { exhibitorId = ids.ExhibitorA }),
            new("DELETE", "/api/events/{slug}/booths/{code}/exhibitor", $"{e}/booths/ZZ-99/exhibitor", EventOrganizers),
            new("POST", "/api/events/{slug}/booths/{code}/swap", $"{e}/booths/ZZ-99/swap", EventOrganizers, new { otherCode = "ZZ-98" }),
            new("POST", "/api/events/{slug}/booths/auto-assign", $"{e}/booths/auto-assign", EventOrganizers, new { apply = true, token = "not-a-token" }),
            new("POST", "/api/events/{slug}/matching/runs", $"{e}/matching/runs", EventOrganizers, new { timeLimitSeconds = 0 }),
            new("GET", "/api/events/{slug}/matching/runs", $"{e}/matching/runs", EventOrganizers),
            new("GET", "/api/events/{slug}/matching/runs/{runId:int}", $"{e}/matching/runs/999999", EventOrganizers),
            new("POST", "/api/events/{slug}/matching/runs/{runId:int}/cancel", $"{e}/matching/runs/999999/cancel", EventOrganizers),
            new("POST", "/api/events/{slug}/matching/runs/{runId:int}/publish", $"{e}/matching/runs/999999/publish", EventOrganizers),
            new("GET", "/api/events/{slug}/matching/compare", $"{e}/matching/compare?first=999998&second=999999", EventOrganizers),
            new("PUT", "/api/events/{slug}/matching/pairs", $"{e}/matching/pairs", EventOrganizers, new { participantId = ids.ParticipantA, exhibitorId = ids.ExhibitorC, decision = (string?)null }),
            new("GET", "/api/events/{slug}/matching/instance", $"{e}/matching/instance", EventOrganizers),
            new("GET", "/api/events/{slug}/audit", $"{e}/audit", EventOrganizers),
            new("GET", "/api/events/{slug}/organizers", $"{e}/organizers", EventOrganizers),
            // Granting organizer rights: portal administrators only.
            new("PUT", "/api/events/{slug}/organizers", $"{e}/organizers", [Role.Administrator], new { email = "nobody@expo.test" }),
            new("DELETE", "/api/events/{slug}/organizers/{userId}", $"{e}/organizers/{ids.OtherOrganizerId}", [Role.Administrator]),
            // The day's desk: organizers; a meeting's booth marks and records its own meetings (not exhibitors A or B here).
            new("POST", "/api/events/{slug}/meetings/{meetingId:int}/move", $"{e}/meetings/{ids.MeetingOfA}/move", EventOrganizers, new { timeSlotId = ids.FreeSlot, tableNumber = 1 }),
            new("POST", "/api/events/{slug}/meetings/walk-in", $"{e}/meetings/walk-in", EventOrganizers, new { participantId = ids.ParticipantA, exhibitorId = ids.ExhibitorC }),
            new("POST", "/api/events/{slug}/meetings/{meetingId:int}/status", $"{e}/meetings/{ids.MeetingOfA}/status", EventOrganizers, new { status = "checkedIn" }),
            new("PUT", "/api/events/{slug}/meetings/{meetingId:int}/outcome", $"{e}/meetings/{ids.MeetingOfA}/outcome", EventOrganizers, new { consultationValueUsd = 1 }),
            new("GET", "/api/events/{slug}/desk/search", $"{e}/desk/search?q=a", EventOrganizers),
            new("GET", "/api/events/{slug}/interpreters", $"{e}/interpreters", EventOrganizers),
            new("GET", "/api/events/{slug}/meetings/{meetingId:int}/interpreter-candidates", $"{e}/meetings/{ids.MeetingOfA}/interpreter-candidates", EventOrganizers),
            new("PUT", "/api/events/{slug}/meetings/{meetingId:int}/interpreter", $"{e}/meetings/{ids.MeetingOfA}/interpreter", EventOrganizers, new { interpreterId = ids.Interpreter }),
            // A check-in token is its own key: anyone signed in may present one (a wrong one is refused by the service).
            new("POST", "/api/check-in/{token}", "/api/check-in/not-a-token", SignedIn),
            // Results, imports, exports, event set-up.
            new("GET", "/api/events/{slug}/reports/results", $"{e}/reports/results", EventOrganizers),
            new("GET", "/api/events/{slug}/live", $"{e}/live", EventOrganizers),
            new("GET", "/api/events/{slug}/reports/results.xlsx", $"{e}/reports/results.xlsx", EventOrganizers),
            new("POST", "/api/events/{slug}/imports/{kind}", $"{e}/imports/participants?dryRun=true", EventOrganizers),
            new("GET", "/api/events/{slug}/imports/{kind}/template.{format}", $"{e}/imports/participants/template.csv", EventOrganizers),
            new("GET", "/api/events/{slug}/exports/{list}.{format}", $"{e}/exports/participants.csv", EventOrganizers),
            new("GET", "/api/events/{slug}/settings", $"{e}/settings", EventOrganizers),
            new("PUT", "/api/events/{slug}", $"{e}", EventOrganizers, new { }),
            new("POST", "/api/events/{slug}/clone", $"{e}/clone", EventOrganizers, new { slug = "" }),
            new("PUT", "/api/events/{slug}/booking", $"{e}/booking", EventOrganizers, new { open = true, cancellationCutoffHours = 24 }),
            // Creating an event names none yet: any organizer may (and then organizes it).
            new("POST", "/api/events", "/api/events", [Role.Organizer, Role.OtherOrganizer, Role.Administrator], new { slug = "" }),
            // The directory book: the event's own people, not another event's organizer.
            new("GET", "/api/events/{slug}/directory-book.pdf", $"{e}/directory-book.pdf", SignedIn.Except([Role.OtherOrganizer]).ToArray()),
            new("GET", "/api/events/{slug}/exhibitors/{id:int}/page.pdf", $"{e}/exhibitors/{ids.ExhibitorC}/page.pdf", SignedIn.Except([Role.OtherOrganizer]).ToArray()),
            // Pages.
            new("GET", "/events/{Slug}/desk", $"{page}/desk", EventOrganizers),
            new("GET", "/events/{Slug}/desk/check-in", $"{page}/desk/check-in", EventOrganizers),
            new("GET", "/events/{Slug}/desk/interpreters", $"{page}/desk/interpreters", EventOrganizers),
            new("GET", "/events/{Slug}/results", $"{page}/results", EventOrganizers),
            new("GET", "/events/{Slug}/live", $"{page}/live", EventOrganizers),
            new("GET", "/events/{Slug}/imports", $"{page}/imports", EventOrganizers),
            new("GET", "/events/{Slug}/settings", $"{page}/settings", EventOrganizers),
            new("GET", "/events/new", "/events/new", [Role.Organizer, Role.OtherOrganizer, Role.Administrator]),
            new("GET", "/check-in/{Token}", "/check-in/not-a-token", SignedIn),
            new("GET", "/events/{Slug}", page, SignedIn),
            new("GET", "/events/{Slug}/directory", $"{page}/directory", SignedIn),
            new("GET", "/events/{Slug}/exhibitors/{ExhibitorId:int}", $"{page}/exhibitors/{ids.ExhibitorC}", SignedIn),
            new("GET", "/events/{Slug}/booths", $"{page}/booths", EventOrganizers),
            new("GET", "/events/{Slug}/floor-plan", $"{page}/floor-plan", EventOrganizers),
            new("GET", "/events/{Slug}/matching", $"{page}/matching", EventOrganizers),
            new("GET", "/my/agenda", "/my/agenda", participants),
            new("GET", "/my/agenda/print", "/my/agenda/print", participants),
            new("GET", "/my/requests", "/my/requests", participants),
            new("GET", "/my/listing", "/my/listing", exhibitors),
            new("GET", "/my/schedule", "/my/schedule", exhibitors),
            new("GET", "/my/team", "/my/team", exhibitors),
            new("GET", "/events/{Slug}/audit", $"{page}/audit", EventOrganizers),
            new("GET", "/account", "/account", SignedIn),
            new("GET", "/account/consent", "/account/consent", SignedIn),
            // Consents exist for participants and exhibitor staff only; organizers are asked nothing (403 no_consent_asked).
            new("GET", "/api/me/consents", "/api/me/consents", [.. participants, .. exhibitors]),
            new("PUT", "/api/me/consents", "/api/me/consents", [.. participants, .. exhibitors], new Dictionary<string, bool>()),
            new("GET", "/api/me/data", "/api/me/data", SignedIn),
            // Erasures come last: they remove what the operations above use. The organizers' erasure takes a third
            // participant; the self-erasure is checked with a body-less DELETE that each person's own account answers.
            new("DELETE", "/api/events/{slug}/participants/{participantId:int}/personal-data", $"{e}/participants/{ids.ParticipantC}/personal-data", EventOrganizers),
            new("DELETE", "/api/me", "/api/me", [.. participants, .. exhibitors]),
        ];
    }

    /// <summary>Routes open to everyone on purpose (sign-in, language, health, the API description, error pages).</summary>
    private static readonly (string Method, string Pattern)[] Unprotected =
    [
        ("GET", "/"), ("GET", "/account/login"), ("POST", "/account/login"), ("GET", "/account/access-denied"), ("POST", "/account/logout"), ("GET", "/account/refresh"), ("GET", "/account/set-password"),
        ("GET", "/culture/{culture}"), ("GET", "/alive"), ("GET", "/health"), ("GET", "/openapi/{documentName}.json"),
        ("GET", "/not-found"), ("GET", "/error"),
        ("GET", "/privacy"), ("GET", "/account/erased"), // the policy is public; the erased page only drops a cookie whose account is gone
    ];

    private static bool Passed(Operation op, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        if (op.Pattern.StartsWith("/api") || op.Pattern.EndsWith(".ics"))
        {
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return false;
            if (status == HttpStatusCode.Redirect) return false; // a page-style refusal
            // Someone else's meeting or agenda is "not found" to the caller; for ids that exist, a 404 is a refusal.
            return !(status == HttpStatusCode.NotFound && (op.Pattern.Contains("{meetingId") || op.Pattern.Contains("{participantId") || op.Pattern.Contains("{productId")));
        }
        return status == HttpStatusCode.OK;
    }

    private static HashSet<(string Method, string Pattern)> MappedRoutes(ExpoApp app)
    {
        var routes = new HashSet<(string, string)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            if (pattern.StartsWith("/_") || pattern.Contains(":file}") || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null
                || pattern.Contains('.') && !pattern.Contains('{') && !pattern.EndsWith(".ics"))
                continue; // framework endpoints (_blazor, _framework) and static files
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // A page answers POST for its forms; the matrix checks what it shows, by GET.
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;
            foreach (var method in methods)
                if (!(isPage && method == "POST" && pattern != "/account/login"))
                    routes.Add((method, pattern));
        }
        return routes;
    }
}
