using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Data.Configurations;

public sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.ToTable("ChangeCounters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(40);
        builder.HasData(new ChangeCounter { Name = ChangeCounter.Applications, Value = 0 });
    }
}
