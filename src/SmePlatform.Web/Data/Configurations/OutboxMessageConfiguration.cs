using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.RecipientUserId).HasMaxLength(450);
        builder.Property(m => m.Template).HasMaxLength(60);
        builder.Property(m => m.Arguments).HasMaxLength(1000);
        builder.Property(m => m.Link).HasMaxLength(300);
        builder.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc }).HasDatabaseName("IX_OutboxMessages_Pending");
        builder.Property(m => m.ClaimToken).HasMaxLength(32);
    }
}
