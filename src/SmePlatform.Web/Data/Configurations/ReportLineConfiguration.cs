using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ReportLineConfiguration : IEntityTypeConfiguration<ReportLine>
{
    public void Configure(EntityTypeBuilder<ReportLine> builder)
    {
        builder.ToTable("ReportLines");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.ApplicationId, l.Position }).IsUnique().HasDatabaseName("UX_ReportLines_Application_Position");
        builder.Property(l => l.Category).HasMaxLength(50).IsRequired();
        builder.Property(l => l.Vendor).HasMaxLength(200).IsRequired();
        builder.Property(l => l.InvoiceRegistrationNumber).HasMaxLength(14).IsFixedLength();
        builder.Property(l => l.InvoiceNumber).HasMaxLength(50).IsRequired();
        // The integrity checks look up the lines naming an invoice.
        builder.Property(l => l.InvoiceKey).HasMaxLength(200);
        builder.HasIndex(l => l.InvoiceKey).HasDatabaseName("IX_ReportLines_InvoiceKey");
    }
}
