using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class BusinessInvitationConfiguration : IEntityTypeConfiguration<BusinessInvitation>
{
    public void Configure(EntityTypeBuilder<BusinessInvitation> builder)
    {
        builder.ToTable("BusinessInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName("UX_BusinessInvitations_TokenHash");
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Business>().WithMany().HasForeignKey(i => i.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
