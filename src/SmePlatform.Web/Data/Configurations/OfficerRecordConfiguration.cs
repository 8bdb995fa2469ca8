using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class OfficerRecordConfiguration : IEntityTypeConfiguration<OfficerRecord>
{
    public void Configure(EntityTypeBuilder<OfficerRecord> builder)
    {
        builder.ToTable("Officers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(100).IsRequired();
    }
}
