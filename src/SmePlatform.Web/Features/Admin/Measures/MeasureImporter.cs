using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Text;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Features.OpenData;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Content;

namespace SmePlatform.Web.Features.Admin.Measures;

public enum ImportFormat
{
    JGrantsJson,
    Csv,
}

public enum ImportAction
{
    Create,
    Update,
    Refuse,
}

/// <summary>What the import does with one row of the file, and why; notes name values that could not be mapped.</summary>
public sealed record ImportRow(int Row, string? ExternalId, string? Title, ImportAction Action, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes)
{
    internal SupportMeasure? Measure { get; init; }
}

public sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, string? FileError)
{
    public bool CanImport => FileError is null && Rows.Count > 0 && Rows.All(r => r.Action != ImportAction.Refuse);

    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);
}

/// <summary>
/// Reads measures from a jGrants-shaped JSON file (<c>{"result": [...]}</c> or an array) or a CSV file with the
/// same column names, and plans each row: create, update (same <c>id</c>, kept as the measure's ExternalId) or
/// refuse with its reasons. jGrants' words become codes (<see cref="JGrantsVocabulary"/>); a word with no code is
/// noted, not fatal. The plan is applied in one transaction, and only when no row is refused.
/// Reasons and notes are resource keys with their arguments, written as "Key|arg|arg".
/// </summary>
public sealed partial class MeasureImporter(SmeDbContext db, JGrantsVocabulary words, CatalogueIndex catalogue, AuditLog audit, TimeProvider clock)
{
    public const int MaxRows = 10_000;
    private const int MaxExternalIdLength = 50;

    public async Task<ImportPlan> PlanAsync(Stream file, ImportFormat format, bool publish, CancellationToken cancellationToken = default)
    {
        List<Dictionary<string, string?>> records;
        try
        {
            records = format == ImportFormat.Csv ? ReadCsv(file) : await ReadJsonAsync(file, cancellationToken);
        }
        catch (Exception error) when (error is JsonException or CsvHelperException or DecoderFallbackException or InvalidDataException)
        {
            return new ImportPlan([], format == ImportFormat.Csv ? "Import.File.BadCsv" : "Import.File.BadJson");
        }

        if (records.Count == 0)
        {
            return new ImportPlan([], "Import.File.Empty");
        }

        if (records.Count > MaxRows)
        {
            return new ImportPlan([], $"Import.File.TooMany|{MaxRows}");
        }

        var ids = records.Select(r => Value(r, "id")).OfType<string>().ToList();
        var existing = await db.SupportMeasures.AsSplitQuery()
            .Where(m => m.ExternalId != null && ids.Contains(m.ExternalId))
            .ToDictionaryAsync(m => m.ExternalId!, StringComparer.Ordinal, cancellationToken);
        var slugs = records.Select(r => Value(r, "id")).OfType<string>().Select(SlugOf).ToList();
        var takenSlugs = (await db.SupportMeasures.Where(m => slugs.Contains(m.Slug)).Select(m => new { m.Slug, m.ExternalId }).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Slug, m => m.ExternalId, StringComparer.Ordinal);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<ImportRow>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < records.Count; i++)
        {
            // Row numbers as the person sees the file: CSV counts its header line, JSON counts records from 1.
            var rowNumber = format == ImportFormat.Csv ? i + 2 : i + 1;
            rows.Add(PlanRow(rowNumber, records[i], existing, takenSlugs, seen, publish, now));
        }

        return new ImportPlan(rows, null);
    }

    /// <summary>Applies a plan with no refused row in one transaction: every measure or none.</summary>
    public async Task<int> ApplyAsync(ImportPlan plan, CancellationToken cancellationToken = default)
    {
        if (!plan.CanImport)
        {
            throw new InvalidOperationException("A plan with refused rows is never applied.");
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = plan.Rows.Where(r => r.Action == ImportAction.Create).Select(r => r.Measure!).ToList();
            db.SupportMeasures.AddRange(created);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var row in plan.Rows)
            {
                var action = row.Action == ImportAction.Create ? "measure.imported" : "measure.reimported";
                audit.Record(action, "SupportMeasure", row.Measure!.Id.ToString(CultureInfo.InvariantCulture), $"externalId={row.ExternalId}");
                if (row.Action == ImportAction.Create && row.Measure.Status == MeasureStatus.Published)
                {
                    db.OutboxMessages.Add(PushMatcher.Job(PushMatcher.MeasurePublished, row.Measure.Id, clock.GetUtcNow().UtcDateTime));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        catalogue.Invalidate();
        return plan.Rows.Count;
    }

    private ImportRow PlanRow(
        int rowNumber, Dictionary<string, string?> record, Dictionary<string, SupportMeasure> existing,
        Dictionary<string, string?> takenSlugs, HashSet<string> seen, bool publish, DateTime now)
    {
        var reasons = new List<string>();
        var notes = new List<string>();
        var id = Value(record, "id");
        var title = Value(record, "title");

        if (id is null)
        {
            reasons.Add("Import.Reason.NoId");
        }
        else if (id.Length > MaxExternalIdLength)
        {
            reasons.Add($"Import.Reason.IdTooLong|{MaxExternalIdLength}");
        }
        else if (!seen.Add(id))
        {
            reasons.Add("Import.Reason.DuplicateId");
        }

        if (title is null)
        {
            reasons.Add("Import.Reason.NoTitle");
        }
        else if (title.Length > 200)
        {
            reasons.Add("Import.Reason.TitleTooLong|200");
        }

        var start = Instant(record, "acceptance_start_datetime", reasons);
        var end = Instant(record, "acceptance_end_datetime", reasons);
        if (start is { } s && end is { } e && e <= s)
        {
            reasons.Add("Import.Reason.EndBeforeStart");
        }

        long? maxAmount = null;
        if (Value(record, "subsidy_max_limit") is { } limitText)
        {
            if (long.TryParse(limitText.Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var limit) && limit >= 0)
            {
                maxAmount = limit;
            }
            else
            {
                reasons.Add($"Import.Reason.BadAmount|{limitText}");
            }
        }

        var slug = id is null ? "" : SlugOf(id);
        if (id is not null && takenSlugs.TryGetValue(slug, out var owner) && owner != id)
        {
            reasons.Add($"Import.Reason.SlugTaken|{slug}");
        }

        var url = Value(record, "front_subsidy_detail_page_url");
        if (url is not null && !(WebAddress.IsHttp(url) && url.Length <= 500))
        {
            notes.Add($"Import.Note.Url|{url}");
            url = null;
        }

        if (reasons.Count > 0)
        {
            return new ImportRow(rowNumber, id, title, ImportAction.Refuse, reasons, notes);
        }

        var isUpdate = existing.TryGetValue(id!, out var measure);
        measure ??= new SupportMeasure
        {
            ExternalId = id,
            Slug = slug,
            Status = publish ? MeasureStatus.Published : MeasureStatus.Draft,
            PublishedAtUtc = publish ? now : null,
            CreatedAtUtc = now,
        };
        // Terms are read only when the text states one rate for everyone; anything else is kept as written and marked
        // 要確認 for staff to write as rows, never guessed (a maximum without a stated rate is not read either).
        var rateText = Value(record, "subsidy_rate") ?? "";
        var rate = SubsidyRate.Parse(rateText);
        var termsRead = rate is not null || (rateText.Length == 0 && maxAmount is null);
        if (!termsRead)
        {
            notes.Add($"Import.Note.TermsNeedReview|{(rateText.Length > 0 ? rateText : "—")}");
        }

        var detail = SafeHtml.Clean(Value(record, "detail") ?? "");
        var summary = Value(record, "summary") ?? Shorten(SafeHtml.TextOf(detail), 200);
        var agency = Value(record, "institution_name") ?? "";
        measure.TitleJa = title!;
        measure.TitleEn = Value(record, "title_en") ?? title!;
        measure.SummaryJa = summary;
        measure.SummaryEn = Value(record, "summary_en") ?? summary;
        measure.BodyJa = detail;
        measure.BodyEn = detail;
        measure.BodyFormat = BodyFormat.Html;
        measure.Kind = MeasureKind.Subsidy;
        measure.AgencyJa = agency;
        measure.AgencyEn = agency;
        if (termsRead)
        {
            measure.SetTerms(SubsidyTerms.Simple(rate, null, maxAmount));
        }
        else
        {
            measure.SetUnreadTerms(maxAmount);
        }

        measure.RateTextJa = Shorten(rateText, 200);
        measure.RateTextEn = rate?.ToString() ?? "";
        measure.AcceptanceStartUtc = start;
        measure.AcceptanceEndUtc = end;
        measure.OfficialUrl = url;
        measure.UpdatedAtUtc = now;
        measure.Version++;

        var purposes = new List<Purpose>();
        foreach (var word in JGrantsVocabulary.Split(Value(record, "use_purpose")))
        {
            if (words.Purposes(word) is { Count: > 0 } mapped)
            {
                purposes.AddRange(mapped);
            }
            else
            {
                notes.Add($"Import.Note.Purpose|{word}");
            }
        }

        var industries = new List<string>();
        foreach (var word in JGrantsVocabulary.Split(Value(record, "industry")))
        {
            if (words.IndustryMajor(word) is { } major)
            {
                industries.Add(major);
            }
            else
            {
                notes.Add($"Import.Note.Industry|{word}");
            }
        }

        var regions = new List<string>();
        foreach (var word in JGrantsVocabulary.Split(Value(record, "target_area_search")).Where(w => w != JGrantsVocabulary.Nationwide))
        {
            if (words.PrefectureCode(word) is { } code)
            {
                regions.Add(code);
            }
            else
            {
                notes.Add($"Import.Note.Area|{word}");
            }
        }

        int? maxEmployees = null;
        if (Value(record, "target_number_of_employees") is { } bracketText)
        {
            if (JGrantsVocabulary.Bracket(bracketText) is { } bracket)
            {
                maxEmployees = EmployeeBrackets.Limit(bracket);
            }
            else
            {
                notes.Add($"Import.Note.Employees|{bracketText}");
            }
        }

        measure.Purposes = [.. purposes.Distinct().Select(p => new MeasurePurpose { Purpose = p })];
        measure.Eligibility.Industries = [.. industries.Distinct(StringComparer.Ordinal).Select(c => new MeasureIndustry { JsicCode = c })];
        measure.Eligibility.Regions = [.. regions.Distinct(StringComparer.Ordinal).Select(c => new MeasureRegion { PrefectureCode = c })];
        measure.Eligibility.MaxEmployees = maxEmployees;
        measure.RefreshSearchText();

        return new ImportRow(rowNumber, id, title, isUpdate ? ImportAction.Update : ImportAction.Create, [], notes) { Measure = measure };
    }

    /// <summary>An ISO 8601 time; one without an offset is read as Japan time, as jGrants means it.</summary>
    private static DateTime? Instant(Dictionary<string, string?> record, string field, List<string> reasons)
    {
        if (Value(record, field) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset().IsMatch(text))
        {
            return withOffset.UtcDateTime;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return JapanTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        }

        reasons.Add($"Import.Reason.BadDate|{field}|{text}");
        return null;
    }

    private static string? Value(Dictionary<string, string?> record, string field) =>
        record.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The measure's URL name from its external id: <c>jgrants-</c> and the id, lower-cased, other characters as hyphens.</summary>
    private static string SlugOf(string id) => "jgrants-" + NotSlug().Replace(id.ToLowerInvariant(), "-").Trim('-');

    private static List<Dictionary<string, string?>> ReadCsv(Stream file)
    {
        using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, TrimOptions = TrimOptions.Trim });
        var records = new List<Dictionary<string, string?>>();
        if (!csv.Read() || !csv.ReadHeader())
        {
            return records;
        }

        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            records.Add(header.ToDictionary(h => h.Trim(), h => csv.GetField(h), StringComparer.Ordinal));
        }

        return records;
    }

    private static async Task<List<Dictionary<string, string?>>> ReadJsonAsync(Stream file, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(file, cancellationToken: cancellationToken);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("result", out var result) ? result : root;
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("No list of measures.");
        }

        return [.. items.EnumerateArray().Select(item => item.ValueKind != JsonValueKind.Object
            ? throw new InvalidDataException("A measure is not an object.")
            : item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            }, StringComparer.Ordinal))];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex HasOffset();
}
