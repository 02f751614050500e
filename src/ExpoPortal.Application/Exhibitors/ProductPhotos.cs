using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Exhibitors;
using Microsoft.EntityFrameworkCore;

namespace ExpoPortal.Application.Exhibitors;

/// <summary>A picture as the portal stores it: re-encoded, resized, stripped of what the upload carried (EXIF, location).</summary>
public sealed record EncodedPhoto(byte[] Content, string ContentType, int Width, int Height);

/// <summary>
/// Turns uploaded bytes into a picture fit to serve. The format is told from the content (JPEG, PNG or WebP),
/// never from a file name or a declared type; anything else is refused.
/// </summary>
public interface IPhotoEncoder
{
    Result<EncodedPhoto> Encode(byte[] upload);
}

/// <summary>An upload as stored: its id and the address that serves it.</summary>
public sealed record UploadedPhoto(Guid PhotoId, string Url);

/// <summary>A stored photo as the serving endpoint sends it.</summary>
public sealed record StoredPhoto(Guid Id, string ContentType, byte[] Content);

/// <summary>One photo per product: staff of the exhibitor (or the event's organizers) upload and remove it; anyone signed in sees it.</summary>
public sealed class ProductPhotos(IAppDbContextFactory dbFactory, IPhotoEncoder encoder, TimeProvider clock)
{
    public static readonly Error TooLarge = Error.Validation("photo_too_large", "A photo has at most 2 MB.");
    public static readonly Error NotAnImage = Error.Validation("photo_not_image", "The file is not a JPEG, PNG or WebP picture.");
    public static readonly Error TooManyPixels = Error.Validation("photo_too_many_pixels", "The picture is larger than 40 megapixels.");
    public static Error NoSuchProduct(int productId) => Error.NotFound("product_not_found", $"Product {productId} is not part of this listing.");

    /// <summary>Reads at most one byte more than allowed, so that a huge upload is refused without being held in memory.</summary>
    public static async Task<Result<byte[]>> ReadUploadAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ProductPhoto.MaxUploadBytes) return TooLarge;
        }
        return buffer.ToArray();
    }

    /// <summary>Sets (or replaces) the product's photo. A replaced photo gets a new id, so no cache shows the old one.</summary>
    public async Task<Result<UploadedPhoto>> UploadAsync(Actor actor, int exhibitorId, int productId, Stream upload, CancellationToken ct = default)
    {
        var bytes = await ReadUploadAsync(upload, ct);
        if (!bytes.Succeeded) return bytes.Error!;
        if (bytes.Value.Length == 0) return NotAnImage;

        await using var db = await dbFactory.CreateAsync(ct);
        if (!await ExhibitorListing.ActsForAsync(db, actor, exhibitorId, ct)) return ExhibitorListing.NotYours;
        // Checked before decoding, so that someone else's product id costs no work.
        var exhibitor = await db.Exhibitors.Include(x => x.Products).FirstOrDefaultAsync(x => x.Id == exhibitorId, ct);
        var product = exhibitor?.Products.FirstOrDefault(p => p.Id == productId);
        if (exhibitor is null || product is null) return NoSuchProduct(productId);

        var encoded = encoder.Encode(bytes.Value);
        if (!encoded.Succeeded) return encoded.Error!;

        var photo = new ProductPhoto(exhibitor.EventId, exhibitorId, productId, encoded.Value.ContentType, encoded.Value.Content,
            encoded.Value.Width, encoded.Value.Height, actor.Name ?? actor.UserId, clock.GetUtcNow());
        await ReplacePhotoAsync(db, product, photo, ct);
        var slug = await db.Events.Where(e => e.Id == exhibitor.EventId).Select(e => e.Slug).FirstAsync(ct);
        return new UploadedPhoto(photo.Id, UrlOf(slug, photo.Id));
    }

    public async Task<Result> RemoveAsync(Actor actor, int exhibitorId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await ExhibitorListing.ActsForAsync(db, actor, exhibitorId, ct)) return ExhibitorListing.NotYours;
        var exhibitor = await db.Exhibitors.Include(x => x.Products).FirstOrDefaultAsync(x => x.Id == exhibitorId, ct);
        var product = exhibitor?.Products.FirstOrDefault(p => p.Id == productId);
        if (product is null) return NoSuchProduct(productId);
        await ReplacePhotoAsync(db, product, null, ct);
        return Result.Success();
    }

    /// <summary>
    /// The product's photo replaced by <paramref name="photo"/> (or removed, with null) all or nothing. The old one is
    /// deleted without being read: its bytes (up to a few hundred kB) are of no use here.
    /// </summary>
    private static async Task ReplacePhotoAsync(IAppDbContext db, Product product, ProductPhoto? photo, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ProductPhotos.Where(p => p.ProductId == product.Id).ExecuteDeleteAsync(ct);
        if (photo is not null) db.ProductPhotos.Add(photo);
        product.SetPhoto(photo?.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The photo, only if it belongs to the event the address names (a photo id of another event finds nothing).</summary>
    public async Task<StoredPhoto?> FindAsync(int eventId, Guid photoId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.ProductPhotos.AsNoTracking().Where(p => p.Id == photoId && p.EventId == eventId)
            .Select(p => new StoredPhoto(p.Id, p.ContentType, p.Content)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Deletes the photos of products that a listing save or an import removed. Call after that save.</summary>
    internal static Task<int> DeleteOrphansAsync(IAppDbContext db, int eventId, CancellationToken ct) =>
        db.ProductPhotos.Where(ph => ph.EventId == eventId
                && !db.Exhibitors.Where(x => x.Id == ph.ExhibitorId).SelectMany(x => x.Products).Any(p => p.PhotoId == ph.Id))
            .ExecuteDeleteAsync(ct);

    /// <summary>The address that serves a photo; the event's slug is part of it, and checked.</summary>
    public static string UrlOf(string eventSlug, Guid photoId) => $"/api/events/{Uri.EscapeDataString(eventSlug)}/photos/{photoId:N}";
}
