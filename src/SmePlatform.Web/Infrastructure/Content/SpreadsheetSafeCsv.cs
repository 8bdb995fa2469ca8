using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace SmePlatform.Web.Infrastructure.Content;

/// <summary>
/// The one way the portal writes CSV (the owner's export, the dashboard's tables): a <see cref="CsvWriter"/> that no
/// spreadsheet can run. A field that a spreadsheet would read as a formula — one that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return (OWASP's list, "CSV Injection"), or their full-width forms, which a
/// Japanese spreadsheet may take as the same — is written with a single quote before it and in double quotes
/// (<c>=HYPERLINK("http://x","y")</c> becomes <c>"'=HYPERLINK(""http://x"",""y"")"</c>): the cell shows the text as
/// typed after the quote, and no function is called. A field that is wholly a number (<c>-1200000</c>, <c>-0.5</c>) is
/// written as it is, typed or computed: a spreadsheet reads it as the number it is, which runs nothing, so a loss stays
/// a negative number people can add up. Every field passes here — headers, values and labels alike — so a value that
/// someone typed cannot reach a spreadsheet as a formula whichever table or column it lands in.
/// </summary>
public sealed partial class SpreadsheetSafeCsv(TextWriter writer) : CsvWriter(writer, SafeConfiguration)
{
    /// <summary>Invariant culture; CsvHelper's own injection handling off, since every field is neutralised here.</summary>
    private static CsvConfiguration SafeConfiguration => new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.None };

    /// <summary>The characters that make a spreadsheet read a cell as a formula (or a DDE call) when they come first.</summary>
    public static readonly IReadOnlySet<char> FormulaStarts = new HashSet<char> { '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' };

    public override void WriteField(string? field, bool shouldQuote)
    {
        var safe = Neutralise(field);
        base.WriteField(safe, shouldQuote || !ReferenceEquals(safe, field));
    }

    /// <summary>
    /// The field as a spreadsheet may read it: unchanged, or with a single quote before it when it would start a
    /// formula and is not wholly a number.
    /// </summary>
    public static string? Neutralise(string? field) =>
        string.IsNullOrEmpty(field) || !FormulaStarts.Contains(field[0]) || PlainNumber().IsMatch(field) ? field : "'" + field;

    /// <summary>The whole CSV as the portal serves it: UTF-8 with a byte-order mark, so that spreadsheets in Japan read the Japanese correctly.</summary>
    public static async Task<byte[]> WriteAsync(Func<SpreadsheetSafeCsv, Task> write)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new SpreadsheetSafeCsv(text))
        {
            await write(csv);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex PlainNumber();
}
