using System.Net;
using System.Text.Json;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using ExpoPortal.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace ExpoPortal.IntegrationTests.Exhibitors;

/// <summary>
/// The directory book PDF of the demo event (250 exhibitors), read back with PdfPig: every exhibitor's Korean and English
/// name is in it, the floor plans carry the booth codes, the indexes are there; who may download it; the font check.
/// </summary>
public sealed class DirectoryBookTests(DemoAppFixture fixture, PostgresServer postgres) : IClassFixture<DemoAppFixture>
{
    private const string Api = $"/api/events/{AndongDemo.Slug}";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_book_holds_every_exhibitor_s_name_in_Korean_and_English_the_floor_plans_and_the_indexes()
    {
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var response = await organizer.GetAsync($"{Api}/directory-book.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => Squeeze(p.Text)).ToList();
        var all = string.Concat(pages);

        await using var db = await DbAsync();
        var exhibitors = await db.Exhibitors.Where(x => x.Event.Slug == AndongDemo.Slug).Select(x => new { x.Name.Ko, x.Name.En }).ToListAsync(Ct);
        Assert.Equal(250, exhibitors.Count);
        var missing = exhibitors.Where(x => !all.Contains(Squeeze(x.Ko), StringComparison.Ordinal) || !all.Contains(Squeeze(x.En), StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);

        // Cover, then one floor plan per hall (A, B, C) with its booth codes drawn in.
        Assert.Contains(Squeeze("참가기업 디렉토리"), pages[0]);
        Assert.Contains(Squeeze("Exhibitor Directory"), pages[0]);
        var codes = await db.Booths.Where(b => b.Event.Slug == AndongDemo.Slug && b.Hall.Code == "A").Select(b => b.Code).ToListAsync(Ct);
        Assert.Contains("Floorplan", pages[1]);
        Assert.All(codes, code => Assert.Contains(code, pages[1]));
        Assert.Contains("Floorplan", pages[3]);
        Assert.Contains(pages, p => p.Contains(Squeeze("가나다 색인")));
        Assert.Contains(pages, p => p.Contains(Squeeze("A–Z Index")));
        var hsIndex = pages.FindIndex(p => p.Contains(Squeeze("Index by HS chapter")));
        Assert.True(hsIndex > 0);
        Assert.Contains("HS22", string.Concat(pages.Skip(hsIndex))); // Andong soju, 220890
    }

    [Fact]
    public async Task An_exhibitor_s_page_is_one_page_with_its_names_products_and_booth()
    {
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        await using var db = await DbAsync();
        var x = await db.Exhibitors.Include(e => e.Products).Include(e => e.Booth)
            .Where(e => e.Event.Slug == AndongDemo.Slug && e.Booth != null && e.Products.Count > 0).OrderBy(e => e.Id).FirstAsync(Ct);

        var response = await buyer.GetAsync($"{Api}/exhibitors/{x.Id}/page.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(1, pdf.NumberOfPages);
        var text = Squeeze(pdf.GetPage(1).Text);
        Assert.Contains(Squeeze(x.Name.Ko), text);
        Assert.Contains(Squeeze(x.Name.En), text);
        Assert.Contains(x.Booth!.Code, text);
        Assert.All(x.Products, p => Assert.Contains($"HS{p.HsCode}", text));
    }

    [Fact]
    public async Task Participants_and_exhibitors_of_the_event_may_read_the_book_anonymous_users_may_not()
    {
        using var anonymous = fixture.App.CreateBrowserlessClient();
        using var exhibitor = await fixture.App.SignInAsync("exhibitor@expo.demo");
        using var member = await fixture.App.SignInAsync("member@expo.demo");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Api}/directory-book.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await exhibitor.GetAsync($"{Api}/directory-book.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Api}/directory-book.pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/events/no-such-event/directory-book.pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task Someone_of_another_event_gets_no_book_and_another_event_s_exhibitor_has_no_page_here()
    {
        var (_, otherExhibitor) = await Booths.BoothTestData.AddOtherEventAsync(fixture.App, Ct);
        await using var db = await DbAsync();
        var eventId = await db.Events.Where(e => e.Slug == AndongDemo.Slug).Select(e => e.Id).SingleAsync(Ct);
        var book = fixture.App.Services.GetRequiredService<DirectoryBook>();
        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");

        var outsider = await book.BookAsync(new Actor("x", false, otherExhibitor, null), eventId, Ct);
        var page = await organizer.GetAsync($"{Api}/exhibitors/{otherExhibitor}/page.pdf", Ct);

        Assert.Equal("not_event_member", outsider.Error?.Code);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Without_the_Korean_font_the_book_fails_with_a_message_that_says_what_to_install()
    {
        await using var app = new ExpoApp(await postgres.CreateDemoDatabaseAsync(),
            settings: new Dictionary<string, string?> { ["Pdf:FontDirectory"] = "/nonexistent/fonts" });
        using var organizer = await app.SignInAsync("organizer@expo.demo");

        var response = await organizer.GetAsync($"{Api}/directory-book.pdf", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("pdf_font_missing", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("fonts-nanum", problem.RootElement.GetProperty("title").GetString());
    }

    /// <summary>Text without any whitespace: PdfPig may split or join words differently from how they were written.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private async Task<AppDbContext> DbAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
