using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Configurations;

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("Partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(50).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique().HasDatabaseName("UX_Partners_Code");
        builder.Property(p => p.NameJa).HasMaxLength(200).IsRequired();
        builder.Property(p => p.NameEn).HasMaxLength(200).IsRequired();
        // The partners a business can share with, shipped with the app (a later issue adds their own sign-in).
        builder.HasData(
            new Partner { Id = 1, Code = "jcci", NameJa = "日本商工会議所", NameEn = "The Japan Chamber of Commerce and Industry" },
            new Partner { Id = 2, Code = "shokokai", NameJa = "全国商工会連合会", NameEn = "Central Federation of Societies of Commerce and Industry" },
            new Partner { Id = 3, Code = "jfc", NameJa = "日本政策金融公庫", NameEn = "Japan Finance Corporation" },
            new Partner { Id = 4, Code = "smrj", NameJa = "中小企業基盤整備機構", NameEn = "Organization for Small & Medium Enterprises and Regional Innovation" },
            new Partner { Id = 5, Code = "pref-13", NameJa = "東京都", NameEn = "Tokyo Metropolitan Government" },
            new Partner { Id = 6, Code = "pref-27", NameJa = "大阪府", NameEn = "Osaka Prefectural Government" },
            new Partner { Id = 7, Code = "yorozu", NameJa = "よろず支援拠点", NameEn = "Yorozu Support Centers" });
    }
}
