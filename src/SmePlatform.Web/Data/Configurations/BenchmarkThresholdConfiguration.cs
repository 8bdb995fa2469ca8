using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Data.Configurations;

/// <summary>
/// The published thresholds, loaded by administrators with their source and date. The platform starts with none: an
/// industry without its six is shown unscored (migration UnpublishedBenchmarks removed the placeholder values it was
/// once seeded with).
/// </summary>
public sealed class BenchmarkThresholdConfiguration : IEntityTypeConfiguration<BenchmarkThreshold>
{
    public void Configure(EntityTypeBuilder<BenchmarkThreshold> builder)
    {
        builder.ToTable("BenchmarkThresholds");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Industry).HasMaxLength(1).IsRequired();
        builder.Property(t => t.Indicator).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(t => new { t.Industry, t.Indicator }).IsUnique().HasDatabaseName("UX_BenchmarkThresholds_Industry_Indicator");
        foreach (var property in new[] { nameof(BenchmarkThreshold.T1), nameof(BenchmarkThreshold.T2), nameof(BenchmarkThreshold.T3), nameof(BenchmarkThreshold.T4) })
        {
            builder.Property(property).HasPrecision(18, 4);
        }

        builder.Property(t => t.Source).HasMaxLength(500).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Thresholds);
    }
}
