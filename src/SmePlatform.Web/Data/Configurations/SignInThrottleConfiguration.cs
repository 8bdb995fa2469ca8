using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmePlatform.Web.Data.Configurations;

public sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("SignInThrottles");
        builder.HasKey(t => t.Key);
        builder.Property(t => t.Key).HasMaxLength(SignInThrottle.KeyLength).IsUnicode(false);
        // The forgotten runs are deleted by age.
        builder.HasIndex(t => t.LastFailureAtUtc).HasDatabaseName("IX_SignInThrottles_LastFailure");
    }
}
