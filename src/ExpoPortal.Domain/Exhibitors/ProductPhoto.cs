namespace ExpoPortal.Domain.Exhibitors;

/// <summary>
/// The photo of one product, as the portal re-encoded it (never the uploaded bytes). Its id is random and changes with
/// every upload, so the address that serves it can be cached for good and cannot be guessed from a product id.
/// </summary>
public sealed class ProductPhoto
{
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    private ProductPhoto() { } // EF

    public ProductPhoto(int eventId, int exhibitorId, int productId, string contentType, byte[] content, int width, int height, string uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = Guid.NewGuid();
        EventId = eventId;
        ExhibitorId = exhibitorId;
        ProductId = productId;
        ContentType = contentType;
        Content = content;
        Width = width;
        Height = height;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public int EventId { get; private set; }
    public int ExhibitorId { get; private set; }
    public int ProductId { get; private set; }
    public string ContentType { get; private set; } = null!;
    public byte[] Content { get; private set; } = null!;
    public int Width { get; private set; }
    public int Height { get; private set; }
    public string UploadedBy { get; private set; } = null!;
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>The same picture for a product of a copied event (a new edition keeps its exhibitors' photos).</summary>
    public ProductPhoto CopyFor(int eventId, int exhibitorId, int productId) =>
        new(eventId, exhibitorId, productId, ContentType, Content, Width, Height, UploadedBy, UploadedAt);
}
