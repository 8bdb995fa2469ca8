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

public sealed class FinancialYearConfiguration : IEntityTypeConfiguration<FinancialYear>
{
    public void Configure(EntityTypeBuilder<FinancialYear> builder)
    {
        builder.ToTable("FinancialYears");
        builder.HasKey(y => y.Id);
        builder.HasIndex(y => new { y.BusinessId, y.ClosingDate }).IsUnique().HasDatabaseName("UX_FinancialYears_Business_Closing");
    }
}

public sealed class ShareholderRecordConfiguration : IEntityTypeConfiguration<ShareholderRecord>
{
    public void Configure(EntityTypeBuilder<ShareholderRecord> builder)
    {
        builder.ToTable("Shareholders");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.HolderName).HasMaxLength(200).IsRequired();
        builder.Ignore(s => s.SharePercent);
    }
}

public sealed class OfficerRecordConfiguration : IEntityTypeConfiguration<OfficerRecord>
{
    public void Configure(EntityTypeBuilder<OfficerRecord> builder)
    {
        builder.ToTable("Officers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(100).IsRequired();
    }
}

public sealed class BusinessMemberConfiguration : IEntityTypeConfiguration<BusinessMember>
{
    public void Configure(EntityTypeBuilder<BusinessMember> builder)
    {
        builder.ToTable("BusinessMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.BusinessId, m.UserId }).IsUnique().HasDatabaseName("UX_BusinessMembers_Business_User");
        // At most one Owner per business.
        builder.HasIndex(m => m.BusinessId).IsUnique().HasFilter("\"Role\" = 'Owner'").HasDatabaseName("UX_BusinessMembers_Owner");
        builder.HasIndex(m => m.UserId).HasDatabaseName("IX_BusinessMembers_User");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProfileChangeConfiguration : IEntityTypeConfiguration<ProfileChange>
{
    public void Configure(EntityTypeBuilder<ProfileChange> builder)
    {
        builder.ToTable("ProfileChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Field).HasMaxLength(50).IsRequired();
        builder.Property(c => c.OldValue).HasMaxLength(500);
        builder.Property(c => c.NewValue).HasMaxLength(500);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ChangedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(c => new { c.BusinessId, c.Field, c.ChangedAtUtc }).HasDatabaseName("IX_ProfileChanges_Business_Field");
    }
}

public sealed class BusinessInvitationConfiguration : IEntityTypeConfiguration<BusinessInvitation>
{
    public void Configure(EntityTypeBuilder<BusinessInvitation> builder)
    {
        builder.ToTable("BusinessInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(256).IsRequired();
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique().HasDatabaseName("UX_BusinessInvitations_TokenHash");
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Business>().WithMany().HasForeignKey(i => i.BusinessId).OnDelete(DeleteBehavior.Cascade);
    }
}
