using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class RescuedFormConfiguration : IEntityTypeConfiguration<RescuedForm>
{
    public void Configure(EntityTypeBuilder<RescuedForm> builder)
    {
        builder.ToTable("RescuedForms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32).IsFixedLength();
        builder.Property(r => r.Path).HasMaxLength(300);
        builder.Property(r => r.Fields).IsRequired();
        builder.Property(r => r.BrowserKeyHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(r => r.ExpiresAtUtc).HasDatabaseName("IX_RescuedForms_Expires");
    }
}
