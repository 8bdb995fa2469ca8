using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class IntegrityCheckJobConfiguration : IEntityTypeConfiguration<IntegrityCheckJob>
{
    public void Configure(EntityTypeBuilder<IntegrityCheckJob> builder)
    {
        builder.ToTable("IntegrityCheckJobs");
        builder.HasKey(j => j.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(j => j.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.Source).HasConversion<string>().HasMaxLength(20);
        // The worker's read: the jobs still owed, in the order they are due.
        builder.HasIndex(j => new { j.DoneAtUtc, j.NextAttemptAtUtc }).HasDatabaseName("IX_IntegrityCheckJobs_Pending");
    }
}
