using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ApplicationFormConfiguration : IEntityTypeConfiguration<ApplicationForm>
{
    public void Configure(EntityTypeBuilder<ApplicationForm> builder)
    {
        builder.ToTable("ApplicationForms");
        builder.HasKey(f => f.Id);
        builder.HasOne<SupportMeasure>().WithMany().HasForeignKey(f => f.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.MeasureId, f.Version }).IsUnique().HasDatabaseName("UX_ApplicationForms_Measure_Version");
        builder.Property(f => f.Definition).IsRequired();
        builder.Property(f => f.CreatedByUserId).HasMaxLength(450);
    }
}
