using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Data.Configurations;

public sealed class SelfCheckAnswerConfiguration : IEntityTypeConfiguration<SelfCheckAnswer>
{
    public void Configure(EntityTypeBuilder<SelfCheckAnswer> builder)
    {
        builder.ToTable("SelfCheckAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Question).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Answer).HasMaxLength(NonFinancial.MaxAnswerLength).IsRequired();
        builder.HasIndex(a => new { a.BusinessId, a.Question }).IsUnique().HasDatabaseName("UX_SelfCheckAnswers_Business_Question");
        builder.HasOne<Business>().WithMany().HasForeignKey(a => a.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
