using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmePlatform.Domain.Applications;
using SmePlatform.Web;
using SmePlatform.Web.Features.Applications;

namespace SmePlatform.UnitTests.Applications;

/// <summary>A field's hint says what its rules take before anything is typed: a text's length, a number's decimal places.</summary>
public class FieldHintTests
{
    private static readonly IStringLocalizer T = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static string? In(string culture, FormField field)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return FieldHint.Of(field, T);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static TheoryData<string, FormField, string?> Hints => new()
    {
        { "ja", new FormField("goal", FieldKind.Text, "補助事業の目標", "Goal of the project", MaxLength: 100), "100文字以内で入力できます。" },
        { "en", new FormField("goal", FieldKind.Text, "補助事業の目標", "Goal of the project", MaxLength: 100), "Up to 100 characters." },
        { "en", new FormField("initial", FieldKind.Text, "頭文字", "Initial", MaxLength: 1), "Up to 1 character." },
        { "ja", new FormField("strengths", FieldKind.LongText, "自社の強み", "Your strengths", MaxLength: 2000), "2000文字以内で入力できます。" },
        // Without a limit of its own, a text says its kind's.
        { "ja", new FormField("note", FieldKind.Text, "備考", "Note"), "200文字以内で入力できます。" },
        { "en", new FormField("plan", FieldKind.LongText, "計画", "Plan"), "Up to 4000 characters." },
        // The form's own hint first.
        { "ja", new FormField("theme", FieldKind.Text, "事業計画名", "Project title", HintJa: "30字程度で。", HintEn: "About 30 characters.", MaxLength: 60), "30字程度で。60文字以内で入力できます。" },
        { "en", new FormField("theme", FieldKind.Text, "事業計画名", "Project title", HintJa: "30字程度で。", HintEn: "About 30 characters.", MaxLength: 60), "About 30 characters. Up to 60 characters." },
        { "ja", new FormField("growth", FieldKind.Number, "成長率", "Growth", HintJa: "3%以上が要件です。", HintEn: "At least 3%.", Decimals: 1), "3%以上が要件です。小数点以下1桁まで入力できます。" },
        { "en", new FormField("growth", FieldKind.Number, "成長率", "Growth", Decimals: 1), "Up to 1 decimal place." },
        { "en", new FormField("rate", FieldKind.Number, "率", "Rate", Decimals: 2), "Up to 2 decimal places." },
        // Nothing to say of a whole number, a choice or a date without a hint of their own; yen and files say how they are taken.
        { "ja", new FormField("count", FieldKind.Number, "人数", "People"), null },
        { "ja", new FormField("start", FieldKind.Date, "開始日", "Start"), null },
        { "ja", new FormField("sales", FieldKind.Yen, "売上高", "Sales"), "円単位の整数で入力してください（例：1,200,000）。" },
        { "ja", new FormField("sales", FieldKind.Yen, "売上高", "Sales", HintJa: "直近1年間。", HintEn: "The last 12 months."), "直近1年間。" },
    };

    [Theory]
    [MemberData(nameof(Hints))]
    public void AFieldsHint_SaysWhatItsRulesTake_AfterTheFormsOwnHint(string culture, FormField field, string? hint) =>
        Assert.Equal(hint, In(culture, field));
}
