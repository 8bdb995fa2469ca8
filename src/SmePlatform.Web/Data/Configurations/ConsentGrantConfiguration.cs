using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ConsentGrantConfiguration : IEntityTypeConfiguration<ConsentGrant>
{
    public void Configure(EntityTypeBuilder<ConsentGrant> builder)
    {
        builder.ToTable("ConsentGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Group).HasConversion<string>().HasMaxLength(30);
        builder.Property(g => g.Purpose).HasMaxLength(500).IsRequired();
        builder.Property(g => g.GrantedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(g => new { g.BusinessId, g.PartnerId, g.Group }).HasDatabaseName("IX_ConsentGrants_Business_Partner_Group");
        builder.HasOne<Business>().WithMany().HasForeignKey(g => g.BusinessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partner>().WithMany().HasForeignKey(g => g.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
