using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class BusinessMemberConfiguration : IEntityTypeConfiguration<BusinessMember>
{
    public void Configure(EntityTypeBuilder<BusinessMember> builder)
    {
        builder.ToTable("BusinessMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.BusinessId, m.UserId }).IsUnique().HasDatabaseName("UX_BusinessMembers_Business_User");
        // At most one Owner per business.
        builder.HasIndex(m => m.BusinessId).IsUnique().HasFilter("\"Role\" = 'Owner'").HasDatabaseName("UX_BusinessMembers_Owner");
        builder.HasIndex(m => m.UserId).HasDatabaseName("IX_BusinessMembers_User");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
