using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmePlatform.Domain.Applications;
using SmePlatform.Web;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Applications;

namespace SmePlatform.UnitTests.Applications;

/// <summary>What the check page, the receipt and the reviewer show for the stored values: what the applicant chose, as people read it.</summary>
public class AnswerSheetTests
{
    private static readonly IStringLocalizer T = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static readonly ReferenceCatalog Reference = ReferenceCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData"));

    private static readonly FormField WageRaise = new("wageRaise", FieldKind.Choice, "給与支給総額の年平均成長率", "Yearly growth of total wages",
        Choices: [new("15", "1.5%以上", "1.5% or more"), new("20", "2.0%以上", "2.0% or more")]);

    private static readonly FormField Channels = new("channel", FieldKind.MultipleChoice, "取り組む販路開拓", "Sales channels",
        Choices: [new("web", "ウェブサイト・ECサイト", "Website or online shop"), new("fair", "展示会・商談会", "Trade fairs")]);

    private static T2 In<T2>(string culture, Func<T2> work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static TheoryData<string, FormField, string, string> Answers => new()
    {
        { "ja", WageRaise, "15", "1.5%以上" },
        { "en", WageRaise, "15", "1.5% or more" },
        { "ja", Channels, "web,fair", "ウェブサイト・ECサイト、展示会・商談会" },
        { "en", Channels, "web,fair", "Website or online shop, Trade fairs" },
        { "ja", WageRaise, "25", "25" },
        { "ja", new FormField("field", FieldKind.Choice, "事業類型", "Project type", Choices: [new("product", "製品・サービス高付加価値化枠", "Higher value products and services")]), "product", "製品・サービス高付加価値化枠" },
        { "ja", new FormField("sales", FieldKind.Yen, "売上高", "Sales"), "10000000", "10,000,000円" },
        { "en", new FormField("sales", FieldKind.Yen, "売上高", "Sales"), "10000000", "¥10,000,000" },
        { "ja", new FormField("growth", FieldKind.Number, "成長率", "Growth", Decimals: 1), "3.5", "3.5" },
        { "en", new FormField("hours", FieldKind.Number, "時間", "Hours", Decimals: 1), "1234.5", "1,234.5" },
        { "ja", new FormField("hours", FieldKind.Number, "時間", "Hours"), "1200", "1,200" },
        { "ja", new FormField("start", FieldKind.Date, "開始日", "Start"), "2015-04-01", "2015年（平成27年）4月1日" },
        { "en", new FormField("start", FieldKind.Date, "開始日", "Start"), "2015-04-01", "1 April 2015" },
        { "ja", new FormField("theme", FieldKind.Text, "事業計画名", "Title"), "NC旋盤の導入", "NC旋盤の導入" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void AnAnswer_IsShownAsChosenOrTyped_InTheReadersLanguage(string culture, FormField field, string stored, string shown) =>
        Assert.Equal(shown, In(culture, () => AnswerSheet.Text(field, stored, T)));

    [Theory]
    [InlineData("ja", "PrefectureCode", "13", "東京都")]
    [InlineData("en", "PrefectureCode", "13", "Tokyo")]
    [InlineData("ja", "IndustryMajor", "E", "製造業")]
    [InlineData("en", "IndustryMajor", "E", "Manufacturing")]
    [InlineData("ja", "IndustryMiddle", "26", "生産用機械器具製造業")]
    [InlineData("ja", "IndustryMiddle", "XX", "XX")]
    [InlineData("ja", "CapitalYen", "10000000", "10,000,000円")]
    [InlineData("ja", "FoundedOn", "2015-04-01", "2015年（平成27年）4月1日")]
    [InlineData("en", "FoundedOn", "2015-04-01", "1 April 2015")]
    [InlineData("ja", "PostalCode", "1000013", "100-0013")]
    [InlineData("ja", "RegularEmployees", "12", "12人")]
    [InlineData("ja", "Name", "株式会社デモ精機", "株式会社デモ精機")]
    public void AProfileValue_IsShownByItsLabel_NotItsStoredCode(string culture, string item, string stored, string shown) =>
        Assert.Equal(shown, In(culture, () => ProfileValue.Show(item, stored, T, Reference)));

    [Theory]
    [InlineData(1, "1回目", "1st")]
    [InlineData(2, "2回目", "2nd")]
    [InlineData(3, "3回目", "3rd")]
    [InlineData(4, "4回目", "4th")]
    [InlineData(11, "11回目", "11th")]
    [InlineData(12, "12回目", "12th")]
    [InlineData(13, "13回目", "13th")]
    [InlineData(21, "21回目", "21st")]
    [InlineData(112, "112回目", "112th")]
    public void ARound_IsSaidAsPeopleSayIt(int round, string japanese, string english)
    {
        Assert.Equal(japanese, In("ja", () => RoundText.Nth(T, round)));
        Assert.Equal(english, In("en", () => RoundText.Nth(T, round)));
    }
}
