using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class IntegrityFlagConfiguration : IEntityTypeConfiguration<IntegrityFlag>
{
    public void Configure(EntityTypeBuilder<IntegrityFlag> builder)
    {
        builder.ToTable("IntegrityFlags");
        builder.HasKey(f => f.Id);
        builder.HasOne<Application>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Rule).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.RaisedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Fingerprint).HasMaxLength(400);
        builder.Property(f => f.Explanation).HasMaxLength(60);
        builder.Property(f => f.Values).HasMaxLength(1000);
        builder.Property(f => f.Lines).HasMaxLength(4000);
        builder.Property(f => f.OtherBusinessIds).HasMaxLength(1000);
        builder.Property(f => f.DecidedByUserId).HasMaxLength(450);
        builder.Property(f => f.DecisionReason).HasMaxLength(2000);
        builder.Property(f => f.Version).IsConcurrencyToken();
        // A finding found again is the same flag: raised once per application, by the database's word.
        builder.HasIndex(f => new { f.ApplicationId, f.Fingerprint }).IsUnique().HasDatabaseName("UX_IntegrityFlags_Application_Fingerprint");
        // The queue's and the dashboard's "open flags" and "per rule".
        builder.HasIndex(f => new { f.State, f.Rule }).HasDatabaseName("IX_IntegrityFlags_State_Rule");
    }
}
