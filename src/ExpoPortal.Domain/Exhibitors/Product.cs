using ExpoPortal.Domain.Common;

namespace ExpoPortal.Domain.Exhibitors;

/// <summary>A product in an exhibitor's listing.</summary>
public sealed class Product
{
    private Product() { } // EF

    public Product(LocalizedText name, LocalizedText description, HsCode hsCode)
    {
        Name = name;
        Description = description;
        HsCode = hsCode.Value;
    }

    public int Id { get; private set; }
    public LocalizedText Name { get; private set; } = null!;
    public LocalizedText Description { get; private set; } = null!;
    /// <summary>Digits of a valid <see cref="Exhibitors.HsCode"/>; kept as text so the database can search it by prefix.</summary>
    public string HsCode { get; private set; } = null!;
    /// <summary>The <see cref="ProductPhoto"/> shown with the product, if it has one.</summary>
    public Guid? PhotoId { get; private set; }

    public void Edit(LocalizedText name, LocalizedText description, HsCode hsCode)
    {
        Name = name;
        Description = description;
        HsCode = hsCode.Value;
    }

    public void SetPhoto(Guid? photoId) => PhotoId = photoId;
}
