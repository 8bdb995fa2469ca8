using System.Globalization;
using System.Text;
using CsvHelper;
using SmePlatform.Web.Infrastructure.Content;

namespace SmePlatform.UnitTests.Content;

/// <summary>CSV formula injection (issue 20, finding 8): no field the portal writes is a formula a spreadsheet would run.</summary>
public class SpreadsheetSafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("＠SUM(A1)", "'＠SUM(A1)")]
    [InlineData("-", "'-")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("-1e5", "'-1e5")]
    public void AFieldThatWouldStartAFormula_GetsAQuoteBeforeIt(string typed, string written) =>
        Assert.Equal(written, SpreadsheetSafeCsv.Neutralise(typed));

    [Theory]
    [InlineData("-1200000")]
    [InlineData("-0.5")]
    [InlineData("12")]
    [InlineData("テスト工業株式会社")]
    [InlineData("a=b")]
    [InlineData(" =1+1")]
    [InlineData("03-1234-5678")]
    [InlineData("2026-12-08T01:56:32+09:00")]
    [InlineData("")]
    public void ANumberOrPlainText_IsWrittenAsItIs(string typed) =>
        Assert.Same(typed, SpreadsheetSafeCsv.Neutralise(typed));

    [Fact]
    public async Task TheFile_QuotesEveryNeutralisedField_KeepsNumbersAsNumbers_AndReadsBackAsTyped()
    {
        var bytes = await SpreadsheetSafeCsv.WriteAsync(async csv =>
        {
            csv.WriteField("=HYPERLINK(\"http://x\",\"y\")");
            csv.WriteField(-1200000);
            csv.WriteField("@cmd");
            csv.WriteField("株式会社");
            await csv.NextRecordAsync();
            await csv.WriteRecordsAsync(new[] { new { Label = "+SUM(A1:A9)", Count = -3 } });
        });

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1200000,\"'@cmd\",株式会社", lines[0]);
        // CsvHelper's own record writing (header and values) goes through the same rule.
        Assert.Equal("Label,Count", lines[1]);
        Assert.Equal("\"'+SUM(A1:A9)\",-3", lines[2]);
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        await reader.ReadAsync();
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", reader.GetField(0));
        Assert.Equal("-1200000", reader.GetField(1));
    }

    /// <summary>
    /// Every CSV the portal writes goes through <see cref="SpreadsheetSafeCsv"/>: a CsvHelper writer made anywhere else
    /// would write typed values as they are.
    /// </summary>
    [Fact]
    public void NoOtherCsvWriter_IsMadeInThePortal()
    {
        var source = Path.Combine(Repository.Root, "src");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(path) != "SpreadsheetSafeCsv.cs")
            .Where(path => File.ReadAllText(path) is var code
                && (code.Contains("new CsvWriter(", StringComparison.Ordinal) || code.Contains(": CsvWriter", StringComparison.Ordinal)
                    || code.Contains("CsvSerializer", StringComparison.Ordinal) || code.Contains("\"text/csv", StringComparison.Ordinal) && !code.Contains("SpreadsheetSafeCsv", StringComparison.Ordinal)))
            .Select(path => Path.GetRelativePath(Repository.Root, path))
            .ToList();

        Assert.Empty(offenders);
    }
}
