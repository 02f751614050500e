using System.Linq.Expressions;
using ExpoPortal.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal static class ConfigurationExtensions
{
    /// <summary>Maps a Korean/English text to two columns, name_ko and name_en.</summary>
    public static EntityTypeBuilder<T> OwnsLocalized<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, LocalizedText?>> text, int maxLength = 300)
        where T : class
    {
        builder.OwnsOne(text, t =>
        {
            t.Property(x => x.Ko).HasMaxLength(maxLength);
            t.Property(x => x.En).HasMaxLength(maxLength);
        });
        builder.Navigation(text).IsRequired();
        return builder;
    }

    public static OwnedNavigationBuilder<TOwner, TDependent> OwnsLocalized<TOwner, TDependent>(
        this OwnedNavigationBuilder<TOwner, TDependent> builder, Expression<Func<TDependent, LocalizedText?>> text, int maxLength = 300)
        where TOwner : class where TDependent : class
    {
        builder.OwnsOne(text, t =>
        {
            t.Property(x => x.Ko).HasMaxLength(maxLength);
            t.Property(x => x.En).HasMaxLength(maxLength);
        });
        builder.Navigation(text).IsRequired();
        return builder;
    }
}
