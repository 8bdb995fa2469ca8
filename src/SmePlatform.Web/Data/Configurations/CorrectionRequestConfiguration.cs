using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.ToTable("CorrectionRequests");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.ApplicationId, c.Round }).HasDatabaseName("IX_CorrectionRequests_Application_Round");
        builder.Property(c => c.FieldKey).HasMaxLength(40);
        builder.Property(c => c.Reason).HasMaxLength(1000).IsRequired();
    }
}
