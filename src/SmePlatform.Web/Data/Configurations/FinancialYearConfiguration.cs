using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class FinancialYearConfiguration : IEntityTypeConfiguration<FinancialYear>
{
    public void Configure(EntityTypeBuilder<FinancialYear> builder)
    {
        builder.ToTable("FinancialYears");
        builder.HasKey(y => y.Id);
        builder.HasIndex(y => new { y.BusinessId, y.ClosingDate }).IsUnique().HasDatabaseName("UX_FinancialYears_Business_Closing");
    }
}
