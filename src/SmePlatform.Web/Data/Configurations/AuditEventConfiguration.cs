using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SmePlatform.Web.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.SubjectType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.SubjectId).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(4000);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.HasIndex(e => e.OccurredAtUtc).HasDatabaseName("IX_AuditEvents_OccurredAtUtc");
        builder.HasIndex(e => new { e.SubjectType, e.SubjectId }).HasDatabaseName("IX_AuditEvents_Subject");
    }
}
