using ExpoPortal.Domain.Interpreters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExpoPortal.Infrastructure.Persistence.Configurations;

internal sealed class InterpreterConfiguration : IEntityTypeConfiguration<Interpreter>
{
    public void Configure(EntityTypeBuilder<Interpreter> builder)
    {
        builder.Property(i => i.FullName).HasMaxLength(200);
        builder.HasOne(i => i.Event).WithMany().HasForeignKey(i => i.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
