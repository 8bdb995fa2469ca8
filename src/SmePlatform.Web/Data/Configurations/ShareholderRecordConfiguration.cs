using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ShareholderRecordConfiguration : IEntityTypeConfiguration<ShareholderRecord>
{
    public void Configure(EntityTypeBuilder<ShareholderRecord> builder)
    {
        builder.ToTable("Shareholders");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.HolderName).HasMaxLength(200).IsRequired();
        builder.Ignore(s => s.SharePercent);
    }
}
