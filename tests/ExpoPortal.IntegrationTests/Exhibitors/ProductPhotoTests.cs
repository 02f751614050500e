using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExpoPortal.Infrastructure.DemoData;
using ExpoPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ExpoPortal.IntegrationTests.Exhibitors;

/// <summary>
/// Product photos over HTTP against the real portal and PostgreSQL: the format is told by content, the stored picture
/// is re-encoded, resized and turned upright, only the company's own staff change it, and it is served only under its
/// own event's address.
/// </summary>
public sealed class ProductPhotoTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    private const string Slug = AndongDemo.Slug;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, 3000, 2000, 1200, 800)]
    [InlineData(SKEncodedImageFormat.Png, 400, 300, 400, 300)]
    [InlineData(SKEncodedImageFormat.Webp, 900, 1600, 675, 1200)]
    public async Task A_jpeg_png_or_webp_is_stored_as_a_resized_jpeg_and_shown_to_buyers(SKEncodedImageFormat format, int width, int height, int storedWidth, int storedHeight)
    {
        using var staff = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var (exhibitorId, productId) = await FirstProductAsync(staff);
        var upload = Picture(format, width, height);

        var photo = await UploadAsync(staff, productId, upload, "application/octet-stream"); // the declared type is not what counts
        var url = photo["url"]!.GetValue<string>();
        Assert.StartsWith($"/api/events/{Slug}/photos/", url);

        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        using var served = await buyer.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString());
        var bytes = await served.Content.ReadAsByteArrayAsync(Ct);
        Assert.NotEqual(upload, bytes);
        using var stored = SKBitmap.Decode(bytes);
        Assert.Equal((storedWidth, storedHeight), (stored.Width, stored.Height));

        // The exhibitor page shows it; the listing reads its id back.
        var page = await buyer.GetStringAsync($"/events/{Slug}/exhibitors/{exhibitorId}", Ct);
        Assert.Contains($"src=\"{url}\"", page);
        Assert.Contains("data-testid=\"product-photo\"", page);
        var listing = (await staff.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!;
        Assert.Equal(photo["photoId"]!.GetValue<string>(), listing["products"]![0]!["photoId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_phone_photo_is_turned_upright_by_its_exif_orientation_and_loses_its_metadata()
    {
        using var staff = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var (_, productId) = await FirstProductAsync(staff);
        // Stored as 400×200, red on the left and blue on the right, to be shown turned 90° clockwise (orientation 6).
        var upload = WithExifOrientation(HalvesPicture(400, 200), 6);

        var photo = await UploadAsync(staff, productId, upload, "image/jpeg");
        var bytes = await staff.GetByteArrayAsync(photo["url"]!.GetValue<string>(), Ct);

        using var stored = SKBitmap.Decode(bytes);
        Assert.Equal((200, 400), (stored.Width, stored.Height));
        Assert.True(IsReddish(stored.GetPixel(100, 50)), $"top should be red: {stored.GetPixel(100, 50)}");
        Assert.True(IsBluish(stored.GetPixel(100, 350)), $"bottom should be blue: {stored.GetPixel(100, 350)}");
        Assert.Equal(-1, IndexOf(bytes, "Exif"u8.ToArray()));
    }

    public static TheoryData<string, byte[]> NotPictures => new()
    {
        { "script named .jpg", "<script>alert('x')</script>"u8.ToArray() },
        { "svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray() },
        { "jpeg header, no picture", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8.ToArray(), 0, 1, 2, 3, 4, 5, 6, 7] },
        { "gif", Picture(SKEncodedImageFormat.Png, 10, 10) is var png ? [.. "GIF89a"u8.ToArray(), .. png[6..]] : [] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(NotPictures))]
    public async Task Anything_but_a_real_jpeg_png_or_webp_is_refused_and_the_current_photo_stays(string kind, byte[] upload)
    {
        using var staff = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var (_, productId) = await FirstProductAsync(staff);
        var before = await UploadAsync(staff, productId, Picture(SKEncodedImageFormat.Png, 50, 50), "image/png");

        using var refused = await PutPhotoAsync(staff, productId, upload, "image/jpeg");

        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, kind);
        Assert.Equal("photo_not_image", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]!.GetValue<string>());
        using var still = await staff.GetAsync(before["url"]!.GetValue<string>(), Ct);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_file_over_2_mb_is_refused_with_its_reason()
    {
        using var staff = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var (_, productId) = await FirstProductAsync(staff);
        var big = new byte[2 * 1024 * 1024 + 1];
        Picture(SKEncodedImageFormat.Jpeg, 20, 20).CopyTo(big, 0);

        using var refused = await PutPhotoAsync(staff, productId, big, "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("photo_too_large", (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_companys_own_staff_change_its_photos_and_a_photo_is_served_only_under_its_event()
    {
        using var staff = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var (_, productId) = await FirstProductAsync(staff);
        var photo = await UploadAsync(staff, productId, Picture(SKEncodedImageFormat.Png, 60, 60), "image/png");
        var url = photo["url"]!.GetValue<string>();
        var picture = Picture(SKEncodedImageFormat.Png, 30, 30);

        using var otherCompany = await fixture.App.SignInAsync("exhibitor2@expo.demo");
        using (var put = await PutPhotoAsync(otherCompany, productId, picture, "image/png"))
            Assert.Equal(HttpStatusCode.NotFound, put.StatusCode); // not a product of its listing
        using (var delete = await otherCompany.DeleteAsync($"/api/my/listing/products/{productId}/photo", Ct))
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        using (var put = await PutPhotoAsync(buyer, productId, picture, "image/png"))
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        using var anonymous = fixture.App.CreateBrowserlessClient();
        using (var get = await anonymous.GetAsync(url, Ct))
            Assert.NotEqual(HttpStatusCode.OK, get.StatusCode);
        using (var otherEvent = await buyer.GetAsync(url.Replace(Slug, AndongPastEdition.Slug), Ct))
            Assert.Equal(HttpStatusCode.NotFound, otherEvent.StatusCode);

        using (var get = await buyer.GetAsync(url, Ct)) Assert.Equal(HttpStatusCode.OK, get.StatusCode); // untouched by the refusals

        using (var removed = await staff.DeleteAsync($"/api/my/listing/products/{productId}/photo", Ct))
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using (var gone = await buyer.GetAsync(url, Ct)) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var listing = (await staff.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!;
        Assert.Null(listing["products"]![0]!["photoId"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_new_upload_gets_a_new_address_and_removing_the_product_removes_its_photo()
    {
        using var staff = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var listing = (await staff.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!;
        var products = listing["products"]!.AsArray();
        Assert.True(products.Count >= 2, "the demo exhibitor lists two products or more");
        var lastId = products[^1]!["id"]!.GetValue<int>();
        var first = await UploadAsync(staff, lastId, Picture(SKEncodedImageFormat.Png, 40, 40), "image/png");
        var second = await UploadAsync(staff, lastId, Picture(SKEncodedImageFormat.Jpeg, 40, 40), "image/jpeg");
        Assert.NotEqual(first["url"]!.GetValue<string>(), second["url"]!.GetValue<string>());
        using (var old = await staff.GetAsync(first["url"]!.GetValue<string>(), Ct)) Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);

        listing = (await staff.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!;
        listing["products"]!.AsArray().RemoveAt(listing["products"]!.AsArray().Count - 1);
        using (var saved = await staff.PutAsJsonAsync("/api/my/listing", listing, Ct))
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));

        using (var orphan = await staff.GetAsync(second["url"]!.GetValue<string>(), Ct)) Assert.Equal(HttpStatusCode.NotFound, orphan.StatusCode);
    }

    [Fact]
    public async Task A_cloned_edition_keeps_the_photos_under_its_own_address()
    {
        using var staff = await fixture.App.SignInAsync("exhibitor@expo.demo");
        var (_, productId) = await FirstProductAsync(staff);
        var photo = await UploadAsync(staff, productId, Picture(SKEncodedImageFormat.Png, 70, 70), "image/png");
        var original = await staff.GetByteArrayAsync(photo["url"]!.GetValue<string>(), Ct);

        using var organizer = await fixture.App.SignInAsync("organizer@expo.demo");
        using (var cloned = await organizer.PostAsJsonAsync($"/api/events/{Slug}/clone",
                   new { slug = "incheon-photos", nameKo = "인천", nameEn = "Incheon", startDate = "2027-10-13", withExhibitors = true }, Ct))
            Assert.True(cloned.StatusCode == HttpStatusCode.Created, await cloned.Content.ReadAsStringAsync(Ct));

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var copyIds = await db.Exhibitors.Where(x => x.Event.Slug == "incheon-photos").SelectMany(x => x.Products)
            .Where(p => p.PhotoId != null).Select(p => p.PhotoId!.Value).ToListAsync(Ct);
        var copy = Assert.Single(copyIds);
        var copyUrl = $"/api/events/incheon-photos/photos/{copy:N}";
        Assert.NotEqual(photo["url"]!.GetValue<string>(), copyUrl);
        using var buyer = await fixture.App.SignInAsync("buyer@expo.demo");
        Assert.Equal(original, await buyer.GetByteArrayAsync(copyUrl, Ct));
        using (var underOld = await buyer.GetAsync($"/api/events/{Slug}/photos/{copy:N}", Ct)) Assert.Equal(HttpStatusCode.NotFound, underOld.StatusCode);
    }

    private async Task<(int ExhibitorId, int ProductId)> FirstProductAsync(HttpClient staff)
    {
        var listing = (await staff.GetFromJsonAsync<JsonObject>("/api/my/listing", Ct))!;
        return (listing["id"]!.GetValue<int>(), listing["products"]![0]!["id"]!.GetValue<int>());
    }

    private async Task<JsonObject> UploadAsync(HttpClient staff, int productId, byte[] picture, string contentType)
    {
        using var response = await PutPhotoAsync(staff, productId, picture, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private Task<HttpResponseMessage> PutPhotoAsync(HttpClient client, int productId, byte[] picture, string contentType)
    {
        var content = new ByteArrayContent(picture);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PutAsync($"/api/my/listing/products/{productId}/photo", content, Ct);
    }

    private static byte[] Picture(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 120, 60, format == SKEncodedImageFormat.Png ? (byte)128 : (byte)255));
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, new SKPaint { Color = SKColors.Orange });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    private static byte[] HalvesPicture(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.DrawRect(0, 0, width / 2f, height, new SKPaint { Color = SKColors.Red });
            canvas.DrawRect(width / 2f, 0, width / 2f, height, new SKPaint { Color = SKColors.Blue });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 95).ToArray();
    }

    /// <summary>Inserts an EXIF block holding only the orientation tag right after the JPEG's start marker, as a phone camera writes it.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, // little-endian TIFF header, first IFD at 8
            0x01, 0x00, // one entry
            0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (byte)orientation, 0x00, 0x00, 0x00, // 0x0112 Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static bool IsReddish(SKColor c) => c.Red > 180 && c.Blue < 90;
    private static bool IsBluish(SKColor c) => c.Blue > 180 && c.Red < 90;

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
