using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ExpenseLineConfiguration : IEntityTypeConfiguration<ExpenseLine>
{
    public void Configure(EntityTypeBuilder<ExpenseLine> builder)
    {
        builder.ToTable("ExpenseLines");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.ApplicationId, e.Position }).IsUnique().HasDatabaseName("UX_ExpenseLines_Application_Position");
        builder.Property(e => e.Category).HasMaxLength(50).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Vendor).HasMaxLength(200).IsRequired();
        builder.Property(e => e.InvoiceRegistrationNumber).HasMaxLength(14).IsFixedLength();
        builder.Property(e => e.QuoteNumber).HasMaxLength(50);
        // The integrity checks look up the lines naming an invoice.
        builder.Property(e => e.InvoiceKey).HasMaxLength(200);
        builder.HasIndex(e => e.InvoiceKey).HasDatabaseName("IX_ExpenseLines_InvoiceKey");
    }
}
