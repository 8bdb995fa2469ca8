using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Data.Configurations;

public sealed class BenchmarkThresholdConfiguration : IEntityTypeConfiguration<BenchmarkThreshold>
{
    /// <summary>
    /// The values the platform starts with, for every industry. They are placeholders of a plausible shape, not METI's
    /// published thresholds (DOMAIN.md §5 keeps those unverified), and their source says so: an administrator replaces
    /// them with the published ones at /admin/self-check.
    /// </summary>
    public const string StarterSource = "初期値（仮の値。経済産業省「ローカルベンチマーク」の公表値に管理者が置き換えてください） / Starter values (placeholders: an administrator replaces them with METI's published Local Benchmark thresholds)";

    public static readonly DateOnly StarterDate = new(2026, 11, 27);
    private static readonly DateTime Seeded = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

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
        builder.HasData(
            Starter(1, Indicator.SalesGrowth, -5, 0, 5, 10),
            Starter(2, Indicator.OperatingMargin, 0, 2, 4, 8),
            Starter(3, Indicator.LabourProductivity, 0, 500, 1500, 3000),
            Starter(4, Indicator.EbitdaDebtRatio, 2, 5, 10, 15),
            Starter(5, Indicator.WorkingCapitalPeriod, 0.5m, 1, 2, 3),
            Starter(6, Indicator.EquityRatio, 0, 10, 30, 50));
    }

    private static BenchmarkThreshold Starter(int id, Indicator indicator, decimal t1, decimal t2, decimal t3, decimal t4) => new()
    {
        Id = id,
        Indicator = indicator,
        T1 = t1,
        T2 = t2,
        T3 = t3,
        T4 = t4,
        Source = StarterSource,
        PublishedOn = StarterDate,
        UpdatedAtUtc = Seeded,
    };
}

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
        // DOMAIN.md §5: A ≥ 24, B 18-23, C 12-17, D < 12, unverified.
        builder.HasData(new BenchmarkRankCutoffs
        {
            A = 24,
            B = 18,
            C = 12,
            Source = "初期値（DOMAIN.md §5 の区分。未確認のため公表値で確認してください） / Starter values (DOMAIN.md §5; unverified, check against the published ones)",
            PublishedOn = BenchmarkThresholdConfiguration.StarterDate,
            UpdatedAtUtc = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc),
        });
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
