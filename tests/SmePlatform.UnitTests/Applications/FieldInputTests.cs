using SmePlatform.Domain.Applications;

namespace SmePlatform.UnitTests.Applications;

public class FieldInputTests
{
    private static readonly FieldChoice[] Sizes = [new("small", "小", "Small"), new("large", "大", "Large")];

    [Theory]
    [InlineData(FieldKind.Text, "  ＡＢＣ商事 ", true, "ABC商事", null)]
    [InlineData(FieldKind.Text, "", true, null, "Answer.Required")]
    [InlineData(FieldKind.Text, "", false, null, null)]
    [InlineData(FieldKind.LongText, " 一行目\n二行目 ", true, "一行目\n二行目", null)]
    [InlineData(FieldKind.Yen, "１，２００，０００円", true, "1200000", null)]
    [InlineData(FieldKind.Yen, "1.5", true, null, "Answer.Yen")]
    [InlineData(FieldKind.Yen, "-1", true, null, "Answer.AtLeast")]
    [InlineData(FieldKind.Number, "１２", true, "12", null)]
    [InlineData(FieldKind.Number, "twelve", true, null, "Answer.Number")]
    [InlineData(FieldKind.Date, "2026-12-01", true, "2026-12-01", null)]
    [InlineData(FieldKind.Date, "２０２６/１２/１", true, "2026-12-01", null)]
    [InlineData(FieldKind.Date, "2026-02-30", true, null, "Answer.Date")]
    [InlineData(FieldKind.Choice, "small", true, "small", null)]
    [InlineData(FieldKind.Choice, "medium", true, null, "Answer.UnknownChoice")]
    [InlineData(FieldKind.Choice, "", true, null, "Answer.Choose")]
    [InlineData(FieldKind.File, "", true, null, null)]
    public void OneAnswer_IsCleanedOrRefused(FieldKind kind, string typed, bool required, string? stored, string? error)
    {
        var field = new FormField("f", kind, "項目", "Item", required, Choices: kind == FieldKind.Choice ? Sizes : null);

        var result = FieldInput.Check(field, [typed]);

        Assert.Equal(stored, result.Value);
        Assert.Equal(error, result.ErrorKey);
    }

    [Theory]
    [InlineData("100", 100, 1000, "100", null)]
    [InlineData("1000", 100, 1000, "1000", null)]
    [InlineData("99", 100, 1000, null, "Answer.Between")]
    [InlineData("1001", 100, 1000, null, "Answer.Between")]
    public void Bounds_AreInclusive(string typed, long min, long max, string? stored, string? error)
    {
        var result = FieldInput.Check(new FormField("n", FieldKind.Number, "人数", "People", Min: min, Max: max), [typed]);

        Assert.Equal((stored, error), (result.Value, result.ErrorKey));
    }

    [Fact]
    public void TextLongerThanItsLimit_IsRefusedWithTheLimit()
    {
        var result = FieldInput.Check(new FormField("t", FieldKind.Text, "名", "Name", MaxLength: 3), ["あいうえ"]);

        Assert.Equal("Answer.TooLong", result.ErrorKey);
        Assert.Equal([3], result.Args);
    }

    [Fact]
    public void MultipleChoices_AreStoredInTheFormsOrder_AndUnknownOnesRefused()
    {
        var field = new FormField("m", FieldKind.MultipleChoice, "規模", "Size", Choices: Sizes);

        Assert.Equal("small,large", FieldInput.Check(field, ["large", "small", "large"]).Value);
        Assert.Equal("Answer.UnknownChoice", FieldInput.Check(field, ["small", "huge"]).ErrorKey);
        Assert.Equal("Answer.ChooseAtLeastOne", FieldInput.Check(field, []).ErrorKey);
    }
}
