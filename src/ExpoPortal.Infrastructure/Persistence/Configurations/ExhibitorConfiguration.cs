using ExpoPortal.Application.Common;
using ExpoPortal.Domain.Exhibitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class ExhibitorConfiguration : IEntityTypeConfiguration<Exhibitor>
{
    public void Configure(EntityTypeBuilder<Exhibitor> builder)
    {
        builder.OwnsLocalized(x => x.Name);
        builder.OwnsLocalized(x => x.Description, 4000);
        builder.OwnsLocalized(x => x.City, 100);
        builder.OwnsOne(x => x.Contact, c =>
        {
            c.Property(p => p.Name).HasMaxLength(200);
            c.Property(p => p.Email).HasMaxLength(256);
            c.Property(p => p.Phone).HasMaxLength(40);
        });
        builder.Navigation(x => x.Contact).IsRequired();
        builder.Property(x => x.CountryCode).HasMaxLength(2);
        builder.Property(x => x.ProvinceCode).HasMaxLength(10);
        builder.Property(x => x.Industry).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Size).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Website).HasMaxLength(500);
        builder.Property(x => x.ListingUpdatedBy).HasMaxLength(200);
        builder.Property(x => x.Version).IsRowVersion(); // uint + row version = PostgreSQL xmin
        builder.Property(x => x.MinMeetings).HasDefaultValue(4);
        builder.Property(x => x.MaxMeetings).HasDefaultValue(20);
        builder.ToTable(t => t.HasCheckConstraint("ck_exhibitors_meeting_limits", "min_meetings >= 0 AND max_meetings >= 1 AND min_meetings <= max_meetings"));

        builder.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Booth).WithMany()
            .HasForeignKey(x => new { x.EventId, x.BoothId })
            .HasPrincipalKey(b => new { b.EventId, b.Id })
            .OnDelete(DeleteBehavior.Restrict);
        // One booth holds one exhibitor: the database refuses the second.
        builder.HasIndex(x => x.BoothId).IsUnique().HasFilter("booth_id IS NOT NULL").HasDatabaseName(Constraints.ExhibitorBooth);
        builder.HasIndex(x => new { x.EventId, x.Industry });
        // Imports find a Korean firm by its business registration number: one number, one exhibitor per event.
        builder.Property(x => x.BusinessNumber).HasMaxLength(10);
        builder.HasIndex(x => new { x.EventId, x.BusinessNumber }).IsUnique().HasFilter("business_number IS NOT NULL").HasDatabaseName("ux_exhibitors_event_business_number");
        // Substring and fuzzy search in Korean and English: a trigram index serves ILIKE '%...%' and word similarity.
        builder.Property(x => x.SearchText).HasMaxLength(20_000);
        builder.HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_exhibitors_search_text_trgm");
        builder.Property(x => x.NameText).HasMaxLength(20_000);
        builder.HasIndex(x => x.NameText).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_exhibitors_name_text_trgm");

        builder.OwnsMany(x => x.Products, p =>
        {
            p.ToTable("exhibitor_products");
            p.WithOwner().HasForeignKey("ExhibitorId");
            p.HasKey(x => x.Id);
            p.OwnsLocalized(x => x.Name);
            p.OwnsLocalized(x => x.Description, 2000);
            p.Property(x => x.HsCode).HasMaxLength(6);
            p.HasIndex(x => x.HsCode);
            p.ToTable(t => t.HasCheckConstraint("ck_exhibitor_products_hs_code", "hs_code ~ '^[0-9]{4}([0-9]{2})?$'"));
        });
        builder.Navigation(x => x.Products).HasField("_products");
    }
}

internal sealed class ProductPhotoConfiguration : IEntityTypeConfiguration<ProductPhoto>
{
    public void Configure(EntityTypeBuilder<ProductPhoto> builder)
    {
        builder.ToTable("product_photos");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ContentType).HasMaxLength(40);
        builder.Property(x => x.UploadedBy).HasMaxLength(256);
        // One photo per product; products are owned by their exhibitor, so the photo follows the exhibitor (and its event) when deleted.
        builder.HasIndex(x => x.ProductId).IsUnique();
        builder.HasOne<Exhibitor>().WithMany().HasForeignKey(x => x.ExhibitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.EventId);
    }
}
