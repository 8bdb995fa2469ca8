using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Web.Data.Configurations;

public sealed class SupportMeasureConfiguration : IEntityTypeConfiguration<SupportMeasure>
{
    public void Configure(EntityTypeBuilder<SupportMeasure> builder)
    {
        builder.ToTable("SupportMeasures");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Slug).HasMaxLength(100).IsRequired();
        builder.HasIndex(m => m.Slug).IsUnique().HasDatabaseName("UX_SupportMeasures_Slug");
        builder.Property(m => m.ExternalId).HasMaxLength(50);
        builder.HasIndex(m => m.ExternalId).IsUnique().HasDatabaseName("UX_SupportMeasures_ExternalId");
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.Status, m.AcceptanceEndUtc }).HasDatabaseName("IX_SupportMeasures_Status_AcceptanceEnd");
        builder.Property(m => m.TitleJa).HasMaxLength(200).IsRequired();
        builder.Property(m => m.TitleEn).HasMaxLength(200).IsRequired();
        builder.Property(m => m.SummaryJa).HasMaxLength(1000).IsRequired();
        builder.Property(m => m.SummaryEn).HasMaxLength(1000).IsRequired();
        builder.Property(m => m.BodyJa).IsRequired();
        builder.Property(m => m.BodyEn).IsRequired();
        builder.Property(m => m.BodyFormat).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AgencyJa).HasMaxLength(200).IsRequired();
        builder.Property(m => m.AgencyEn).HasMaxLength(200).IsRequired();
        builder.Property(m => m.RateTextJa).HasMaxLength(200);
        builder.Property(m => m.RateTextEn).HasMaxLength(200);
        builder.Property(m => m.OfficialUrl).HasMaxLength(500);
        builder.Property(m => m.ContactJa).HasMaxLength(500);
        builder.Property(m => m.ContactEn).HasMaxLength(500);
        builder.Property(m => m.SearchText).IsRequired();
        builder.Property(m => m.Terms)
            .HasConversion(terms => terms.ToJson(), json => SubsidyTerms.Parse(json), new ValueComparer<SubsidyTerms>(
                (a, b) => a!.ToJson() == b!.ToJson(), terms => terms.ToJson().GetHashCode(StringComparison.Ordinal), terms => SubsidyTerms.Parse(terms.ToJson())))
            .IsRequired();
        builder.Ignore(m => m.Rate);
        builder.Ignore(m => m.Rules);

        builder.OwnsOne(m => m.Eligibility, eligibility =>
        {
            eligibility.Property(e => e.SizeClass).HasConversion<string>().HasMaxLength(20).HasColumnName("EligibleSizeClass");
            eligibility.Property(e => e.MaxEmployees).HasColumnName("EligibleMaxEmployees");
            eligibility.Property(e => e.MaxCapitalYen).HasColumnName("EligibleMaxCapitalYen");
            eligibility.Property(e => e.MinYearsSinceFounding).HasColumnName("EligibleMinYearsSinceFounding");
            eligibility.Property(e => e.MaxYearsSinceFounding).HasColumnName("EligibleMaxYearsSinceFounding");
            eligibility.Property(e => e.LegalForm).HasConversion<string>().HasMaxLength(20).HasColumnName("EligibleLegalForm");
            eligibility.Property(e => e.DeemedLarge).HasConversion<string>().HasMaxLength(30).HasColumnName("EligibleDeemedLarge");
            eligibility.Property(e => e.RequiresPurposeMatch).HasColumnName("EligibleRequiresPurposeMatch");
            eligibility.Property(e => e.ExcludesRecipients).HasColumnName("EligibleExcludesRecipients");
            eligibility.Property(e => e.WarnOnly).HasMaxLength(200).HasColumnName("EligibleWarnOnly");
            eligibility.Ignore(e => e.WarnOnlyRules);
            eligibility.OwnsMany(e => e.Industries, industry =>
            {
                industry.ToTable("MeasureIndustries");
                industry.WithOwner().HasForeignKey(i => i.MeasureId);
                industry.HasKey(i => new { i.MeasureId, i.JsicCode });
                industry.Property(i => i.JsicCode).HasMaxLength(3);
            });
            eligibility.OwnsMany(e => e.Regions, region =>
            {
                region.ToTable("MeasureRegions");
                region.WithOwner().HasForeignKey(r => r.MeasureId);
                region.HasKey(r => new { r.MeasureId, r.PrefectureCode });
                region.Property(r => r.PrefectureCode).HasMaxLength(2);
            });
        });
        builder.Navigation(m => m.Eligibility).IsRequired();

        builder.OwnsMany(m => m.Purposes, purpose =>
        {
            purpose.ToTable("MeasurePurposes");
            purpose.WithOwner().HasForeignKey(p => p.MeasureId);
            purpose.HasKey(p => new { p.MeasureId, p.Purpose });
            purpose.Property(p => p.Purpose).HasConversion<string>().HasMaxLength(30);
        });
    }
}
