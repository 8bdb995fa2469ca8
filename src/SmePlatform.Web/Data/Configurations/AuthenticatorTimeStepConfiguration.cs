using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmePlatform.Web.Data.Configurations;

public sealed class AuthenticatorTimeStepConfiguration : IEntityTypeConfiguration<AuthenticatorTimeStep>
{
    public void Configure(EntityTypeBuilder<AuthenticatorTimeStep> builder)
    {
        builder.ToTable("AuthenticatorTimeSteps");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
