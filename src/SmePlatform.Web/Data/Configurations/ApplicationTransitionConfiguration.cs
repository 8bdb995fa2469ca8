using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ApplicationTransitionConfiguration : IEntityTypeConfiguration<ApplicationTransition>
{
    public void Configure(EntityTypeBuilder<ApplicationTransition> builder)
    {
        builder.ToTable("ApplicationTransitions");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.ApplicationId, t.AtUtc }).HasDatabaseName("IX_ApplicationTransitions_Application_At");
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.ByUserId).HasMaxLength(450);
        builder.Property(t => t.Reason).HasMaxLength(2000);
    }
}
