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
