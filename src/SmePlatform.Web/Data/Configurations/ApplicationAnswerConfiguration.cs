using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> builder)
    {
        builder.ToTable("ApplicationAnswers");
        builder.HasKey(a => new { a.ApplicationId, a.FieldKey });
        builder.Property(a => a.FieldKey).HasMaxLength(40);
        builder.Property(a => a.Value).IsRequired();
    }
}
