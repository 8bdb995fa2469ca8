using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Data.Configurations;

public sealed class NoticePreferenceConfiguration : IEntityTypeConfiguration<NoticePreference>
{
    public void Configure(EntityTypeBuilder<NoticePreference> builder)
    {
        builder.ToTable("NoticePreferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.MutedPurposes).HasMaxLength(400);
        builder.Property(p => p.MutedMeasures).HasMaxLength(2000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.MutedPurposeSet);
        builder.Ignore(p => p.MutedMeasureSet);
        builder.HasIndex(p => p.EmailDigest).HasFilter("\"EmailDigest\" = 1").HasDatabaseName("IX_NoticePreferences_Digest");
    }
}
