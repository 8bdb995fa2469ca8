using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Content;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Dashboard.Export;

/// <summary>A CSV file written by <see cref="SpreadsheetSafeCsv"/>: its bytes and the name it is downloaded as.</summary>
public sealed record CsvFile(byte[] Bytes, string FileName)
{
    public const string ContentType = "text/csv; charset=utf-8";
}

/// <summary>
/// One of the dashboard's tables as CSV (UTF-8 with a byte-order mark, for spreadsheets in Japan): key, label, count; a
/// suppressed count is empty. Invalid when the filter does not read; not found for no such table.
/// </summary>
public sealed class DashboardCsvQuery(
    ApplicationStatistics statistics, ReferenceCatalog reference, IOptions<DashboardOptions> options, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<CsvFile>> HandleAsync(string table, StatisticsQuery query)
    {
        var measures = await statistics.MeasureTitlesAsync();
        if (!query.TryRead(reference, measures, StatisticsQuery.Today(clock), out var filter, out var errors))
        {
            return Outcome.Invalid(errors.Select(e => new FluentValidation.Results.ValidationFailure(e.Key, t[e.Value])));
        }

        var result = await statistics.ComputeAsync(filter, options.Value.SuppressionThreshold);
        if (result.Tables.FirstOrDefault(x => x.Name == table) is not { } found)
        {
            return Outcome.NotFound;
        }

        // Written so that no spreadsheet runs a label (a measure's title, say) as a formula (SpreadsheetSafeCsv).
        var bytes = await SpreadsheetSafeCsv.WriteAsync(csv => csv.WriteRecordsAsync(found.Rows.Append(found.Total).Select(r => new
        {
            r.Key,
            Label = DashboardLabels.Of(found.Name, r.Key, measures, reference, t),
            Count = r.Shown,
            Suppressed = r.Hidden,
        })));
        return Outcome.Done(new CsvFile(bytes, $"applications-{table}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv"));
    }
}
