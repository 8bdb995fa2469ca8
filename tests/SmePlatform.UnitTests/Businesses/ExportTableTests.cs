using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.UnitTests.Businesses;

public class ExportTableTests
{
    private sealed record Row(DateTime AtUtc, DateOnly On, bool Yes, long Yen, decimal Share, string? Text, Web.Data.Businesses.ItemGroup Group);

    [Fact]
    public void Of_WritesInstantsInJapanTime_WholeSeconds_AndCodesAsStored()
    {
        var table = ExportTable.Of(
            [new Row(new DateTime(2026, 12, 7, 16, 56, 32, 789, DateTimeKind.Unspecified), new DateOnly(2027, 12, 8), true, 12_000_000, 12.5m, null, Web.Data.Businesses.ItemGroup.Financial)],
            ("At", "ExportField.ChangedAt", r => r.AtUtc),
            ("On", "ExportField.PaidOn", r => r.On),
            ("Yes", "ExportField.Allowed", r => r.Yes),
            ("Yen", "ExportField.AmountYen", r => r.Yen),
            ("Share", "ExportField.SharePercent", r => r.Share),
            ("Text", "ExportField.Answer", r => r.Text),
            ("Group", "ExportField.Group", r => r.Group));

        Assert.Equal(["At", "On", "Yes", "Yen", "Share", "Text", "Group"], table.Columns.Select(c => c.Key));
        Assert.Equal(
            ["2026-12-08T01:56:32+09:00", "2027-12-08", "true", "12000000", "12.5", "", "Financial"],
            table.Rows[0].Select(ExportTable.Text));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 1, 56, 32, TimeSpan.FromHours(9)), table.Records[0]["At"]);
    }

    [Fact]
    public void ALabelledValue_IsItsLabelForPeople_AndItsCodeForPrograms()
    {
        var table = ExportTable.Of(
            [new Row(new DateTime(2026, 12, 7, 16, 56, 32, DateTimeKind.Utc), new DateOnly(2027, 12, 8), true, 12_000_000, 12.5m, "15", Web.Data.Businesses.ItemGroup.Basics)],
            value => value switch
            {
                bool yes => new Labelled(yes, yes ? "はい" : "いいえ"),
                Enum code => new Labelled(code, "基本情報"),
                _ => null,
            },
            ("Yes", "ExportField.Allowed", r => r.Yes),
            ("Group", "ExportField.Group", r => r.Group),
            ("Answer", "ExportField.Answer", r => new Labelled(r.Text, "1.5%以上")),
            ("At", "ExportField.ChangedAt", r => new Labelled(r.AtUtc, "その日")),
            ("Yen", "ExportField.AmountYen", r => r.Yen));

        Assert.Equal(["はい", "基本情報", "1.5%以上", "その日", "12000000"], table.Rows[0].Select(ExportTable.Text));
        Assert.Equal(true, table.Records[0]["Yes"]);
        Assert.Equal("Basics", table.Records[0]["Group"]);
        Assert.Equal("15", table.Records[0]["Answer"]);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 1, 56, 32, TimeSpan.FromHours(9)), table.Records[0]["At"]);
        Assert.Equal(12_000_000L, table.Records[0]["Yen"]);
    }
}
