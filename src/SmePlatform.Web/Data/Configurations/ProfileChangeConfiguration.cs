using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ProfileChangeConfiguration : IEntityTypeConfiguration<ProfileChange>
{
    public void Configure(EntityTypeBuilder<ProfileChange> builder)
    {
        builder.ToTable("ProfileChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Field).HasMaxLength(50).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(500);
        builder.Property(c => c.NewValue).HasMaxLength(500);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ChangedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(c => new { c.BusinessId, c.Field, c.ChangedAtUtc }).HasDatabaseName("IX_ProfileChanges_Business_Field");
    }
}
