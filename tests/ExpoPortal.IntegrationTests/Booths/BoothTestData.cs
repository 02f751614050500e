using System.Net.Http.Json;
using System.Text.Json;
using ExpoPortal.Application.Booths;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Venues;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExpoPortal.IntegrationTests.Booths;

/// <summary>Reads and small set-ups shared by the booth tests.</summary>
internal static class BoothTestData
{
    public const string BoothsUrl = $"/api/events/{AndongDemo.Slug}/booths";

    public static async Task<List<BoothSummary>> BoothsAsync(HttpClient client, CancellationToken ct) =>
        (await client.GetFromJsonAsync<List<BoothSummary>>(BoothsUrl, ct))!;

    public static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public static async Task<AppDbContext> DbAsync(ExpoApp app, CancellationToken ct) =>
        await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);

    public static async Task<int> EventIdAsync(ExpoApp app, CancellationToken ct)
    {
        await using var db = await DbAsync(app, ct);
        return await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(ct);
    }

    /// <summary>The demo's late registrants (no booth), by id.</summary>
    public static async Task<List<int>> WithoutBoothAsync(ExpoApp app, CancellationToken ct)
    {
        await using var db = await DbAsync(app, ct);
        return await db.Exhibitors.Where(x => x.Event.Slug == AndongDemo.Slug && x.BoothId == null).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);
    }

    /// <summary>A second, small event (one hall, one booth "Z-01", one exhibitor), to prove routes act only on their own event.</summary>
    public static async Task<(string BoothCode, int ExhibitorId)> AddOtherEventAsync(ExpoApp app, CancellationToken ct)
    {
        await using var db = await DbAsync(app, ct);
        var slug = $"other-{Guid.NewGuid():N}"[..20];
        var start = new DateOnly(2028, 5, 10);
        var expo = new Event(slug, new LocalizedText("인천", "Incheon"), new LocalizedText("송도", "Songdo"), new LocalizedText("인천", "Incheon"),
            start, start.AddDays(1), [start], new SlotGrid(30, new TimeOnly(10, 0), new TimeOnly(12, 0), []), "Asia/Seoul", "KR-28", 10);
        var hall = new Hall(expo, "Z", new LocalizedText("Z홀", "Hall Z"), 10, 10);
        var booth = new Booth(hall, "Z-01", 9, new FloorPosition(1, 1, 2, 2), 1, nameof(Industry.Electronics));
        var exhibitor = new Exhibitor(expo, new LocalizedText("(주)다른회사", "Other Co., Ltd."), new LocalizedText("다른 행사", "Another event"),
            "KR", "KR-28", new LocalizedText("인천", "Incheon"), Industry.Electronics, CompanySize.Small, new ContactPerson("김", "a@other.example", null));
        db.AddRange(expo, hall, booth, exhibitor);
        await db.SaveChangesAsync(ct);
        return (booth.Code, exhibitor.Id);
    }
}
