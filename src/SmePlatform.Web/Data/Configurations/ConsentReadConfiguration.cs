using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ConsentReadConfiguration : IEntityTypeConfiguration<ConsentRead>
{
    public void Configure(EntityTypeBuilder<ConsentRead> builder)
    {
        builder.ToTable("ConsentReads");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Group).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(r => new { r.BusinessId, r.ReadAtUtc }).HasDatabaseName("IX_ConsentReads_Business_ReadAt");
        builder.HasOne<Business>().WithMany().HasForeignKey(r => r.BusinessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
