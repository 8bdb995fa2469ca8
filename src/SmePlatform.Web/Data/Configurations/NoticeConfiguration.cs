using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Data.Configurations;

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("Notices");
        builder.HasKey(n => n.Id);
        // Exactly once: delivering the same outbox message again cannot make a second notice; a pushed notice's
        // topic is once per person, whichever job (publication, profile change, a rerun after a crash) finds it.
        builder.HasIndex(n => n.OutboxMessageId).IsUnique().HasFilter("\"Topic\" IS NULL").HasDatabaseName("UX_Notices_OutboxMessage");
        builder.HasIndex(n => new { n.Topic, n.UserId }).IsUnique().HasFilter("\"Topic\" IS NOT NULL").HasDatabaseName("UX_Notices_Topic_User");
        builder.Property(n => n.Topic).HasMaxLength(60);
        builder.HasIndex(n => new { n.UserId, n.CreatedAtUtc }).HasDatabaseName("IX_Notices_User_Created");
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Template).HasMaxLength(60);
        builder.Property(n => n.Arguments).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(300);
    }
}
