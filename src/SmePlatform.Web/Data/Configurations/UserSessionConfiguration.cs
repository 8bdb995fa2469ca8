using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmePlatform.Web.Data.Configurations;

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.KeyHash).HasMaxLength(UserSession.KeyHashLength).IsFixedLength().IsRequired();
        builder.HasIndex(s => s.KeyHash).IsUnique().HasDatabaseName("IX_UserSessions_KeyHash");
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId).HasDatabaseName("IX_UserSessions_UserId");
        builder.HasIndex(s => s.ExpiresAtUtc).HasDatabaseName("IX_UserSessions_Expires");
        builder.Property(s => s.Ticket).IsRequired();
        builder.Property(s => s.Browser).HasMaxLength(UserSession.NameMaxLength);
        builder.Property(s => s.Platform).HasMaxLength(UserSession.NameMaxLength);
        builder.Property(s => s.Network).HasMaxLength(UserSession.NetworkMaxLength);
    }
}
