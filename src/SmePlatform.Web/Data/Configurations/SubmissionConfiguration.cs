using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("Submissions");
        builder.HasKey(s => s.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        // The two guarantees that make submitting idempotent on every provider (no check-then-insert). The key is the
        // application's own: another application's key posted here can never lead to that application's receipt.
        builder.HasIndex(s => new { s.ApplicationId, s.IdempotencyKey }).IsUnique().HasDatabaseName("UX_Submissions_Application_IdempotencyKey");
        builder.HasIndex(s => new { s.ApplicationId, s.Round }).IsUnique().HasDatabaseName("UX_Submissions_Application_Round");
        builder.Property(s => s.IdempotencyKey).HasMaxLength(64);
        builder.Property(s => s.ApplicationNumber).HasMaxLength(20);
        builder.Property(s => s.SubmittedByUserId).HasMaxLength(450);
        builder.Property(s => s.Content).IsRequired();
        builder.Property(s => s.ContentSha256).HasMaxLength(64).IsFixedLength();
    }
}
