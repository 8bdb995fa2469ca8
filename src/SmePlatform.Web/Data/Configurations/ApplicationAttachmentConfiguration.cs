using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> builder)
    {
        builder.ToTable("ApplicationAttachments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ApplicationId, a.FieldKey }).HasDatabaseName("IX_ApplicationAttachments_Application_Field");
        builder.Property(a => a.FieldKey).HasMaxLength(40);
        builder.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.UploadedByUserId).HasMaxLength(450);
        builder.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentBlob>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
