using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class IntegrityScanConfiguration : IEntityTypeConfiguration<IntegrityScan>
{
    public void Configure(EntityTypeBuilder<IntegrityScan> builder)
    {
        builder.ToTable("IntegrityScans");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.RequestedByUserId).HasMaxLength(450);
        builder.HasIndex(s => s.State).HasDatabaseName("IX_IntegrityScans_State");
    }
}
