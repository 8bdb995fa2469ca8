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
    [InlineData(FieldKind.Yen, "999,999,999,999", true, "999999999999", null)]
    [InlineData(FieldKind.Yen, "1,000,000,000,000", true, null, "Answer.Between")]     // past Yen.Max, whatever the form says
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

    [Theory]
    [InlineData("3.5", 1, "3.5", null)]
    [InlineData("３．５", 1, "3.5", null)]
    [InlineData(" 3.50 ", 1, "3.5", null)]
    [InlineData("3.5%", 1, "3.5", null)]
    [InlineData("３．５％", 1, "3.5", null)]
    [InlineData("3", 1, "3", null)]
    [InlineData("3.0", 1, "3", null)]
    [InlineData(".5", 1, "0.5", null)]
    [InlineData("1,234.5", 1, "1234.5", null)]
    [InlineData("１，２３４．５", 1, "1234.5", null)]
    [InlineData("3.25", 2, "3.25", null)]
    [InlineData("3.25", 1, null, "Answer.Decimal")]
    [InlineData("3,5", 1, null, "Answer.Decimal")]
    [InlineData("3.5.1", 1, null, "Answer.Decimal")]
    [InlineData("三・五", 1, null, "Answer.Decimal")]
    [InlineData("3.5", 0, null, "Answer.Number")]
    [InlineData("3.0", 0, "3", null)]
    [InlineData("-0.5", 1, null, "Answer.DecimalBetween")]
    [InlineData("10,000.1", 1, null, "Answer.DecimalBetween")]
    [InlineData("10000.0", 1, "10000", null)]
    public void ANumber_TakesTheDecimalPlacesItsFieldDeclares_AsPeopleTypeThem_StoredInvariantly(string typed, int decimals, string? stored, string? error)
    {
        var field = new FormField("growth", FieldKind.Number, "付加価値額の年平均成長率（%）", "Yearly growth of value added (%)", Min: 0, Max: 10_000, Decimals: decimals);

        var result = FieldInput.Check(field, [typed]);

        Assert.Equal((stored, error), (result.Value, result.ErrorKey));
    }

    [Fact]
    public void ANumberOutOfItsBounds_IsToldItsBoundsAndItsPlaces()
    {
        var between = FieldInput.Check(new FormField("g", FieldKind.Number, "率", "Rate", Min: 0, Max: 100, Decimals: 1), ["120"]);
        var atLeast = FieldInput.Check(new FormField("g", FieldKind.Number, "率", "Rate", Min: 1, Decimals: 2), ["0.5"]);

        Assert.Equal("Answer.DecimalBetween", between.ErrorKey);
        Assert.Equal([0L, 100L, 1], between.Args);
        Assert.Equal("Answer.DecimalAtLeast", atLeast.ErrorKey);
        Assert.Equal([1L, 2], atLeast.Args);
        Assert.Equal("Answer.Between", FieldInput.Check(new FormField("n", FieldKind.Number, "数", "Count", Min: 0, Max: 10), ["11"]).ErrorKey);
    }

    [Fact]
    public void AStoredNumber_PassesItsOwnCheckAgain()
    {
        // What Readiness does before a submission: a stored answer is checked again as if typed.
        var field = new FormField("growth", FieldKind.Number, "率", "Rate", Min: 0, Max: 100, Decimals: 1);
        var stored = FieldInput.Check(field, ["３．５"]).Value;

        Assert.Equal("3.5", FieldInput.Check(field, [stored]).Value);
        Assert.Equal(3.5m, FieldInput.StoredNumber(stored));
        Assert.Null(FieldInput.StoredNumber("three"));
    }

    [Fact]
    public void TextLongerThanItsLimit_IsRefusedWithTheLimit()
    {
        var result = FieldInput.Check(new FormField("t", FieldKind.Text, "名", "Name", MaxLength: 3), ["あいうえ"]);

        Assert.Equal("Answer.TooLong", result.ErrorKey);
        Assert.Equal([3], result.Args);
    }

    [Theory]
    [InlineData(FieldKind.Text, null, 200)]
    [InlineData(FieldKind.Text, 60, 60)]
    [InlineData(FieldKind.LongText, null, 4000)]
    [InlineData(FieldKind.LongText, 2000, 2000)]
    public void AText_TakesItsLengthLimit_OrItsKindsDefault_AndNotOneCharacterMore(FieldKind kind, int? maxLength, int limit)
    {
        var field = new FormField("t", kind, "名", "Name", MaxLength: maxLength);

        Assert.Equal(limit, field.LengthLimit);
        Assert.True(FieldInput.Check(field, [new string('あ', limit)]).IsValid);
        Assert.Equal([limit], FieldInput.Check(field, [new string('あ', limit + 1)]).Args);
    }

    [Theory]
    [InlineData(FieldKind.Yen)]
    [InlineData(FieldKind.Number)]
    [InlineData(FieldKind.Date)]
    [InlineData(FieldKind.Choice)]
    [InlineData(FieldKind.File)]
    public void OnlyTexts_HaveALengthLimit(FieldKind kind) =>
        Assert.Null(new FormField("f", kind, "項目", "Item", MaxLength: 10).LengthLimit);

    [Fact]
    public void MultipleChoices_AreStoredInTheFormsOrder_AndUnknownOnesRefused()
    {
        var field = new FormField("m", FieldKind.MultipleChoice, "規模", "Size", Choices: Sizes);

        Assert.Equal("small,large", FieldInput.Check(field, ["large", "small", "large"]).Value);
        Assert.Equal("Answer.UnknownChoice", FieldInput.Check(field, ["small", "huge"]).ErrorKey);
        Assert.Equal("Answer.ChooseAtLeastOne", FieldInput.Check(field, []).ErrorKey);
    }
}
