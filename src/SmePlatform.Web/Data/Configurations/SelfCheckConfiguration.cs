using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data.Businesses;
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

/// <summary>The rank cut-offs: one row (<see cref="BenchmarkRankCutoffs.TheOne"/>) once an administrator loads them; none at first.</summary>
public sealed class BenchmarkRankCutoffsConfiguration : IEntityTypeConfiguration<BenchmarkRankCutoffs>
{
    public void Configure(EntityTypeBuilder<BenchmarkRankCutoffs> builder)
    {
        builder.ToTable("BenchmarkRankCutoffs");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Source).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Cutoffs);
    }
}

public sealed class SelfCheckAnswerConfiguration : IEntityTypeConfiguration<SelfCheckAnswer>
{
    public void Configure(EntityTypeBuilder<SelfCheckAnswer> builder)
    {
        builder.ToTable("SelfCheckAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Question).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Answer).HasMaxLength(NonFinancial.MaxAnswerLength).IsRequired();
        builder.HasIndex(a => new { a.BusinessId, a.Question }).IsUnique().HasDatabaseName("UX_SelfCheckAnswers_Business_Question");
        builder.HasOne<Business>().WithMany().HasForeignKey(a => a.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
