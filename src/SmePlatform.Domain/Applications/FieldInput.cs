using System.Globalization;
using SmePlatform.Domain.Text;

namespace SmePlatform.Domain.Applications;

/// <summary>An answer as stored (<see cref="Value"/>), or why it was refused (a message key and its arguments).</summary>
public sealed record FieldResult(string? Value, string? ErrorKey = null, params object[] Args)
{
    public bool IsValid => ErrorKey is null;

    public static FieldResult Error(string key, params object[] args) => new(null, key, args);
}

/// <summary>
/// Checks one typed answer against its field and gives the value to store: texts cleaned (NFKC, trimmed), yen as
/// invariant digits (full-width digits, commas and 円 accepted), numbers as invariant decimals with no more places than
/// the field declares (<see cref="FormField.Places"/>: <c>3.5</c> from "3.5", "３．５" or "3.50"), dates as ISO
/// <c>yyyy-MM-dd</c>, multiple choices as their values joined by commas in the form's order. File fields are answered by
/// uploads, not here.
/// </summary>
public static class FieldInput
{
    public static FieldResult Check(FormField field, IReadOnlyList<string?> typed)
    {
        if (field.Kind == FieldKind.MultipleChoice)
        {
            var chosen = typed.Where(v => !string.IsNullOrEmpty(v)).ToHashSet(StringComparer.Ordinal);
            if (chosen.Any(v => field.Choices.All(c => c.Value != v)))
            {
                return FieldResult.Error("Answer.UnknownChoice");
            }

            return chosen.Count == 0
                ? field.Required ? FieldResult.Error("Answer.ChooseAtLeastOne") : new FieldResult(null)
                : new FieldResult(string.Join(',', field.Choices.Where(c => chosen.Contains(c.Value)).Select(c => c.Value)));
        }

        var text = JapaneseInput.Clean(typed.Count > 0 ? typed[0] : null);
        if (text is null)
        {
            return field.Required && field.Kind != FieldKind.File
                ? FieldResult.Error(field.Kind == FieldKind.Choice ? "Answer.Choose" : "Answer.Required")
                : new FieldResult(null);
        }

        return field.Kind switch
        {
            FieldKind.Text or FieldKind.LongText => text.Length > field.LengthLimit
                ? FieldResult.Error("Answer.TooLong", field.LengthLimit!.Value)
                : new FieldResult(field.Kind == FieldKind.LongText ? typed[0]!.Trim() : text),
            FieldKind.Yen => Whole(field, text),
            FieldKind.Number => Number(field, text),
            FieldKind.Date => TryDate(text, out var date)
                ? new FieldResult(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : FieldResult.Error("Answer.Date"),
            FieldKind.Choice => field.Choices.Any(c => c.Value == text) ? new FieldResult(text) : FieldResult.Error("Answer.UnknownChoice"),
            _ => new FieldResult(null),
        };
    }

    /// <summary>A date as typed or as a date input sends it: <c>2026-12-01</c>, <c>２０２６/１２/１</c>.</summary>
    public static bool TryDate(string? typed, out DateOnly date) =>
        DateOnly.TryParseExact(JapaneseInput.Clean(typed), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A stored number (invariant, as <see cref="Check"/> gives it) read back; null when it is not one.</summary>
    public static decimal? StoredNumber(string? stored) =>
        decimal.TryParse(stored, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static FieldResult Number(FormField field, string text)
    {
        var places = field.Places;
        if (!JapaneseInput.TryNumber(text, out var number) || number is not { } value || decimal.Round(value, places) != value)
        {
            return places == 0 ? FieldResult.Error("Answer.Number") : FieldResult.Error("Answer.Decimal", places);
        }

        var min = field.Min ?? 0;
        if (value < min || value > field.Max)
        {
            return (field.Max, places) switch
            {
                ({ } max, 0) => FieldResult.Error("Answer.Between", min, max),
                (null, 0) => FieldResult.Error("Answer.AtLeast", min),
                ({ } max, _) => FieldResult.Error("Answer.DecimalBetween", min, max, places),
                (null, _) => FieldResult.Error("Answer.DecimalAtLeast", min, places),
            };
        }

        // Invariant, without the zeros past the point that add nothing ("3.50" is stored as 3.5, "12.0" as 12).
        return new FieldResult((value == 0 ? 0m : decimal.Round(value, places)).ToString("0." + new string('#', FormField.MaxDecimals), CultureInfo.InvariantCulture));
    }

    private static FieldResult Whole(FormField field, string text)
    {
        if (!JapaneseInput.TryWhole(text, out var number) || number is null)
        {
            return FieldResult.Error("Answer.Yen");
        }

        // A yen amount is never more than Yen.Max, whatever the form says (sums of amounts stay far from overflow).
        var min = field.Min ?? 0;
        var most = field.Max is { } set ? Math.Min(set, Yen.Max) : Yen.Max;
        if (number < min || number > most)
        {
            return field.Max is not null || number > most ? FieldResult.Error("Answer.Between", min, most) : FieldResult.Error("Answer.AtLeast", min);
        }

        return new FieldResult(number.Value.ToString(CultureInfo.InvariantCulture));
    }
}
