using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Data.Configurations;

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
