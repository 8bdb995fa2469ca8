using SmePlatform.Domain.Applications;

namespace SmePlatform.UnitTests.Applications;

public class FormRulesTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Profile = new()
    {
        ["Name"] = ["名称", "事業者名", "Business name"],
        ["RegularEmployees"] = ["常時使用する従業員数", "従業員数", "Regular employees"],
    };

    private static FormDefinition With(params FormField[] fields) =>
        new("MONO", ["Name"], [new FormSection("plan", "事業計画", "Project plan", fields)]);

    [Fact]
    public void AWellFormedForm_HasNoProblems()
    {
        var form = With(
            new FormField("theme", FieldKind.Text, "事業計画名", "Project title", MaxLength: 60),
            new FormField("kind", FieldKind.Choice, "区分", "Kind", Choices: [new("a", "甲", "A"), new("b", "乙", "B")]),
            new FormField("hours", FieldKind.Number, "時間", "Hours", Min: 1, Max: 10),
            new FormField("growth", FieldKind.Number, "成長率（%）", "Growth (%)", Min: 0, Max: 100, Decimals: 1));

        Assert.Empty(FormRules.Check(form, Profile));
    }

    public static TheoryData<FormDefinition, string> Broken => new()
    {
        { With(new FormField("employees", FieldKind.Number, "従業員数", "Staff")), "Form.Problem.DuplicatesProfile" },
        { With(new FormField("staff", FieldKind.Number, "職員", "Regular Employees")), "Form.Problem.DuplicatesProfile" },
        { With(new FormField("name", FieldKind.Text, "氏名", "Full name")), "Form.Problem.DuplicatesProfile" },
        { With(new FormField("a", FieldKind.Text, "甲", "A"), new FormField("A", FieldKind.Text, "乙", "B")), "Form.Problem.Key" },
        { With(new FormField("bad key", FieldKind.Text, "甲", "A")), "Form.Problem.Key" },
        { With(new FormField("kind", FieldKind.Choice, "区分", "Kind")), "Form.Problem.Choices" },
        { With(new FormField("text", FieldKind.Text, "文", "Text", Choices: [new("a", "甲", "A")])), "Form.Problem.Choices" },
        { With(new FormField("n", FieldKind.Number, "数", "Number", Min: 5, Max: 1)), "Form.Problem.Bounds" },
        { With(new FormField("t", FieldKind.Text, "文", "Text", Max: 5)), "Form.Problem.Bounds" },
        { With(new FormField("t", FieldKind.Text, "", "Text")), "Form.Problem.Label" },
        { With(new FormField("y", FieldKind.Yen, "額", "Amount", Decimals: 1)), "Form.Problem.Decimals" },
        { With(new FormField("t", FieldKind.Text, "文", "Text", Decimals: 0)), "Form.Problem.Decimals" },
        { With(new FormField("n", FieldKind.Number, "数", "Number", Decimals: -1)), "Form.Problem.Decimals" },
        { With(new FormField("n", FieldKind.Number, "数", "Number", Decimals: FormField.MaxDecimals + 1)), "Form.Problem.Decimals" },
        { new FormDefinition("mono", [], [new FormSection("s", "節", "Section", [new FormField("t", FieldKind.Text, "文", "Text")])]), "Form.Problem.Code" },
        { new FormDefinition("MONO", ["Shoe size"], [new FormSection("s", "節", "Section", [new FormField("t", FieldKind.Text, "文", "Text")])]), "Form.Problem.UnknownProfileItem" },
        { new FormDefinition("MONO", [], []), "Form.Problem.NoSections" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void ABrokenForm_IsRefusedWithItsProblem(FormDefinition form, string problem) =>
        Assert.Contains(FormRules.Check(form, Profile), p => p.Key == problem);

    [Fact]
    public void ADefinition_SurvivesItsJson_AndBrokenJsonIsRefused()
    {
        var form = With(
            new FormField("kind", FieldKind.MultipleChoice, "区分", "Kind", Choices: [new("a", "甲", "A")]),
            new FormField("growth", FieldKind.Number, "成長率", "Growth", Decimals: 1));

        var read = FormDefinition.Parse(form.ToJson(), out var error);

        Assert.Null(error);
        Assert.Equal(form.ToJson(), read!.ToJson());
        Assert.Equal(1, read.Field("growth")!.Decimals);
        Assert.Contains("\"decimals\": 1", form.ToJson(), StringComparison.Ordinal);
        Assert.Null(FormDefinition.Parse("""{"code":"MONO","sections":[]}""", out error));
        Assert.NotNull(error);
        Assert.Null(FormDefinition.Parse("{", out _));
    }
}
