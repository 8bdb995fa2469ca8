using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Domain.Applications;

public sealed record ExpenseLineContent(string Category, string Description, string Vendor, string? InvoiceRegistrationNumber, string? QuoteNumber, long AmountYen);

public sealed record AttachmentContent(string FieldKey, string FileName, long SizeBytes, string Sha256);

/// <summary>
/// The terms an application was submitted under: the track and top-ups chosen, the size class and employees on the
/// day, and the rows that applied (with the definitions they name), so that the reviewer and the payable amount read
/// the terms as the applicant saw them, whatever is edited later.
/// </summary>
public sealed record SubmittedTerms(string? Track, IReadOnlyList<string> TopUps, SmeClass? SizeClass, int? Employees, SubsidyTerms Rows)
{
    public TermsSituation Situation => new(Track, SizeClass, Employees, TopUps);

    public TermsOutcome Outcome => Rows.For(Situation);

    /// <summary>
    /// The terms of a situation, keeping only the rows that apply to it; where none can apply, the whole terms, so
    /// that reading them again gives the same reason (「申請する枠が選ばれていません」), never "no terms".
    /// </summary>
    public static SubmittedTerms Of(SubsidyTerms terms, TermsSituation situation)
    {
        var applied = terms.For(situation).Applied;
        var rows = applied is null ? terms : terms with
        {
            Rows = [.. applied.Bands, .. applied.TopUps],
            Tracks = [.. terms.Tracks.Where(t => t.Key == situation.Track)],
            TopUps = [.. terms.TopUps.Where(t => situation.TopUps.Contains(t.Key))],
        };
        return new SubmittedTerms(situation.Track, [.. situation.TopUps], situation.SizeClass, situation.Employees, rows);
    }
}

/// <summary>
/// What an application submits, in the canonical form its SHA-256 is taken over (docs/applications.md): JSON
/// canonicalized as RFC 8785 (JCS) says — object members sorted by their names' UTF-16 code units, no white
/// space, strings escaping only <c>"</c>, <c>\</c> and control characters — encoded as UTF-8. Only strings,
/// whole numbers, nulls, objects and arrays occur, so numbers are plain integers. Dates are <c>yyyy-MM-dd</c>,
/// the instant is UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.
/// </summary>
public sealed record SubmittedContent(
    string ApplicationNumber,
    int Round,
    DateTime SubmittedAtUtc,
    string Measure,
    int FormVersion,
    DateOnly? ProjectStart,
    DateOnly? ProjectEnd,
    long? RequestedYen,
    IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<ExpenseLineContent> Expenses,
    IReadOnlyList<AttachmentContent> Attachments,
    IReadOnlyDictionary<string, string> Profile,
    SubmittedTerms? Terms = null)
{
    public string Canonical()
    {
        var members = new Dictionary<string, object?>
        {
            ["applicationNumber"] = ApplicationNumber,
            ["round"] = (long)Round,
            ["submittedAt"] = SubmittedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["measure"] = Measure,
            ["formVersion"] = (long)FormVersion,
            ["projectStart"] = ProjectStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["projectEnd"] = ProjectEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["requestedYen"] = RequestedYen,
            ["answers"] = Answers.ToDictionary(a => a.Key, a => (object?)a.Value),
            ["expenses"] = Expenses.Select(e => (object?)new Dictionary<string, object?>
            {
                ["category"] = e.Category,
                ["description"] = e.Description,
                ["vendor"] = e.Vendor,
                ["invoiceRegistrationNumber"] = e.InvoiceRegistrationNumber,
                ["quoteNumber"] = e.QuoteNumber,
                ["amountYen"] = e.AmountYen,
            }).ToList(),
            ["attachments"] = Attachments.Select(a => (object?)new Dictionary<string, object?>
            {
                ["field"] = a.FieldKey,
                ["fileName"] = a.FileName,
                ["sizeBytes"] = a.SizeBytes,
                ["sha256"] = a.Sha256,
            }).ToList(),
            ["profile"] = Profile.ToDictionary(p => p.Key, p => (object?)p.Value),
        };

        // Present only where the measure has terms (contents submitted before terms were kept have none).
        if (Terms is not null)
        {
            members["terms"] = new Dictionary<string, object?>
            {
                ["track"] = Terms.Track,
                ["topUps"] = Terms.TopUps.Select(t => (object?)t).ToList(),
                ["sizeClass"] = Terms.SizeClass?.ToString(),
                ["employees"] = (long?)Terms.Employees,
                ["rows"] = Terms.Rows.ToJson(),
            };
        }

        return CanonicalJson.Write(members);
    }

    /// <summary>Reads a frozen submission back (what reviewers see: the content as it was submitted).</summary>
    public static SubmittedContent Parse(string canonical)
    {
        using var document = System.Text.Json.JsonDocument.Parse(canonical);
        var root = document.RootElement;
        static string? Text(System.Text.Json.JsonElement element, string name) =>
            element.GetProperty(name) is { ValueKind: System.Text.Json.JsonValueKind.String } value ? value.GetString() : null;
        static long? Whole(System.Text.Json.JsonElement element, string name) =>
            element.GetProperty(name) is { ValueKind: System.Text.Json.JsonValueKind.Number } value ? value.GetInt64() : null;
        static DateOnly? Date(System.Text.Json.JsonElement element, string name) =>
            Text(element, name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        static Dictionary<string, string> Map(System.Text.Json.JsonElement element) =>
            element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return new SubmittedContent(
            Text(root, "applicationNumber")!,
            (int)Whole(root, "round")!.Value,
            DateTime.ParseExact(Text(root, "submittedAt")!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            Text(root, "measure")!,
            (int)Whole(root, "formVersion")!.Value,
            Date(root, "projectStart"),
            Date(root, "projectEnd"),
            Whole(root, "requestedYen"),
            Map(root.GetProperty("answers")),
            [.. root.GetProperty("expenses").EnumerateArray().Select(e => new ExpenseLineContent(
                Text(e, "category")!, Text(e, "description")!, Text(e, "vendor")!, Text(e, "invoiceRegistrationNumber"), Text(e, "quoteNumber"), Whole(e, "amountYen")!.Value))],
            [.. root.GetProperty("attachments").EnumerateArray().Select(a => new AttachmentContent(
                Text(a, "field")!, Text(a, "fileName")!, Whole(a, "sizeBytes")!.Value, Text(a, "sha256")!))],
            Map(root.GetProperty("profile")),
            root.TryGetProperty("terms", out var terms) && terms.ValueKind == System.Text.Json.JsonValueKind.Object
                ? new SubmittedTerms(
                    Text(terms, "track"),
                    [.. terms.GetProperty("topUps").EnumerateArray().Select(t => t.GetString()!)],
                    Text(terms, "sizeClass") is { } size ? Enum.Parse<SmeClass>(size) : null,
                    (int?)Whole(terms, "employees"),
                    SubsidyTerms.Parse(Text(terms, "rows")))
                : null);
    }

    /// <summary>The lower-case hex SHA-256 of the canonical form's UTF-8 bytes.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));
}

/// <summary>RFC 8785 JSON canonicalization for the values <see cref="SubmittedContent"/> holds.</summary>
public static class CanonicalJson
{
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                AppendString(builder, text);
                break;
            case long number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case IReadOnlyDictionary<string, object?> members:
                builder.Append('{');
                var first = true;
                foreach (var (name, member) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    AppendString(builder, name);
                    builder.Append(':');
                    Append(builder, member);
                }

                builder.Append('}');
                break;
            case IEnumerable<object?> items:
                builder.Append('[').AppendJoin(',', items.Select(Write)).Append(']');
                break;
            default:
                throw new ArgumentException($"Not a canonical JSON value: {value.GetType()}", nameof(value));
        }
    }

    private static void AppendString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        builder.Append('"');
    }
}
