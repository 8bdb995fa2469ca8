using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> builder)
    {
        builder.ToTable("Businesses");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.LegalForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.CorporateNumber).HasMaxLength(13).IsFixedLength();
        // One business per corporate number, enforced by the database (a second registration fails here too).
        builder.HasIndex(b => b.CorporateNumber).IsUnique().HasDatabaseName("UX_Businesses_CorporateNumber");
        builder.Property(b => b.Verification).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(b => b.Verification).HasDatabaseName("IX_Businesses_Verification");
        builder.Property(b => b.VerificationEvidence).HasConversion<string>().HasMaxLength(30);
        builder.Property(b => b.VerifiedByUserId).HasMaxLength(450);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Property(b => b.Name).HasMaxLength(200).IsRequired();
        builder.Property(b => b.NameKana).HasMaxLength(200).IsRequired();
        builder.Property(b => b.PostalCode).HasMaxLength(7);
        builder.Property(b => b.PrefectureCode).HasMaxLength(2);
        builder.Property(b => b.City).HasMaxLength(100);
        builder.Property(b => b.Street).HasMaxLength(200);
        builder.Property(b => b.RepresentativeName).HasMaxLength(100);
        // The split-to-stay-small check looks up the businesses of the same representative.
        builder.HasIndex(b => b.RepresentativeName).HasDatabaseName("IX_Businesses_Representative");
        builder.Property(b => b.RepresentativeTitle).HasMaxLength(100);
        builder.Property(b => b.Phone).HasMaxLength(20);
        builder.Property(b => b.Email).HasMaxLength(256);
        builder.Property(b => b.Website).HasMaxLength(500);
        builder.Property(b => b.IndustryMajor).HasMaxLength(1);
        builder.Property(b => b.IndustryMiddle).HasMaxLength(2);
        builder.Property(b => b.IndustryMinor).HasMaxLength(3);
        builder.Ignore(b => b.Industry);
        builder.Ignore(b => b.Facts);

        // Every collection behind the business's read-only lists is its field: only the business changes them.
        builder.OwnsMany(b => b.Purposes, purpose =>
        {
            purpose.ToTable("BusinessPurposes");
            purpose.WithOwner().HasForeignKey(p => p.BusinessId);
            purpose.HasKey(p => new { p.BusinessId, p.Purpose });
            purpose.Property(p => p.Purpose).HasConversion<string>().HasMaxLength(30);
        });

        builder.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BusinessId).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(b => b.FinancialYears).WithOne().HasForeignKey(y => y.BusinessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Shareholders).WithOne().HasForeignKey(s => s.BusinessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(b => b.Officers).WithOne().HasForeignKey(o => o.BusinessId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(b => b.Activities, activities =>
        {
            activities.Property(a => a.ExportCountries).HasMaxLength(300);
        });
        builder.Navigation(b => b.Activities).IsRequired();

        // The changes the business records go in with it; read through ProfileChanges, never through the business.
        builder.HasMany<ProfileChange>("RecordedChanges").WithOne().HasForeignKey(c => c.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
