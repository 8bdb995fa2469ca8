using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmePlatform.Domain.Applications;

/// <summary>The kinds of field a measure's application form may ask for.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Yen,
    Number,
    Date,
    Choice,
    MultipleChoice,
    File,
}

public sealed record FieldChoice(string Value, string Ja, string En);

/// <summary>
/// One question of a form, with its rules. <see cref="Min"/> and <see cref="Max"/> bound numbers and yen amounts;
/// <see cref="MaxLength"/> bounds texts; <see cref="Decimals"/> is a number's precision: how many digits it takes after
/// the decimal point (none when not given: a whole number). Keys are stable: answers are stored under them.
/// </summary>
public sealed record FormField(
    string Key,
    FieldKind Kind,
    string LabelJa,
    string LabelEn,
    bool Required = true,
    string? HintJa = null,
    string? HintEn = null,
    int? MaxLength = null,
    long? Min = null,
    long? Max = null,
    IReadOnlyList<FieldChoice>? Choices = null,
    int? Decimals = null)
{
    /// <summary>The most decimal places a number field may declare.</summary>
    public const int MaxDecimals = 4;

    public IReadOnlyList<FieldChoice> Choices { get; init; } = Choices ?? [];

    /// <summary>The digits a number takes after the decimal point: 0 for every field but a number declaring more.</summary>
    public int Places => Kind == FieldKind.Number ? Decimals ?? 0 : 0;

    /// <summary>The most characters a text without a <see cref="MaxLength"/> of its own takes.</summary>
    public const int DefaultTextLength = 200;

    /// <summary>The most characters a long text without a <see cref="MaxLength"/> of its own takes.</summary>
    public const int DefaultLongTextLength = 4000;

    /// <summary>
    /// The most characters an answer takes: a text's or long text's <see cref="MaxLength"/>, or else its kind's default;
    /// null for the other kinds, which no length bounds. What <see cref="FieldInput.Check"/> enforces and the field's hint says.
    /// </summary>
    public int? LengthLimit => Kind switch
    {
        FieldKind.Text => MaxLength ?? DefaultTextLength,
        FieldKind.LongText => MaxLength ?? DefaultLongTextLength,
        _ => null,
    };
}

/// <summary>One page of the applicant's journey.</summary>
public sealed record FormSection(string Key, string TitleJa, string TitleEn, IReadOnlyList<FormField> Fields);

/// <summary>
/// A measure's application form as data: the code its application numbers carry (<c>MONO</c> in
/// <c>2026-MONO-000123</c>), the profile items it takes from the business's profile (prefilled, never asked
/// again), and its own sections. The project period and the planned expense lines are part of every form and
/// are not defined here.
/// </summary>
public sealed record FormDefinition(string Code, IReadOnlyList<string> ProfileFields, IReadOnlyList<FormSection> Sections)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public IEnumerable<FormField> Fields => Sections.SelectMany(s => s.Fields);

    public FormField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a definition; null with the reader's message when the text is not one.</summary>
    public static FormDefinition? Parse(string json, out string? error)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<FormDefinition>(json, Json);
            error = definition is null ? "null" : null;
            return definition;
        }
        catch (JsonException exception)
        {
            error = exception.Message;
            return null;
        }
    }
}

/// <summary>What is wrong with a definition, as a message key and its arguments.</summary>
public sealed record FormProblem(string Key, params string[] Args);

/// <summary>
/// The rules a form definition must keep before an Administrator may save it: a code for application numbers,
/// unique keys, choices where a choice is asked, sane bounds, a precision (decimal places) only on numbers and within
/// <see cref="FormField.MaxDecimals"/>, profile items that exist, and no question that asks again for something the
/// profile already holds (once-only).
/// </summary>
public static class FormRules
{
    private static readonly System.Buffers.SearchValues<char> KeyChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

    /// <param name="definition">The form to check.</param>
    /// <param name="profileItems">Every profile item a form may take, by key, with the words (Japanese and English)
    /// that name it: a field whose key or label is one of them duplicates the profile.</param>
    public static IReadOnlyList<FormProblem> Check(FormDefinition definition, IReadOnlyDictionary<string, IReadOnlyList<string>> profileItems)
    {
        var problems = new List<FormProblem>();
        if (definition.Code.Length is < 2 or > 8 || !definition.Code.All(char.IsAsciiLetterUpper))
        {
            problems.Add(new FormProblem("Form.Problem.Code", definition.Code));
        }

        problems.AddRange(definition.ProfileFields.Where(f => !profileItems.ContainsKey(f)).Select(f => new FormProblem("Form.Problem.UnknownProfileItem", f)));
        if (definition.Sections.Count == 0)
        {
            problems.Add(new FormProblem("Form.Problem.NoSections"));
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in definition.Sections)
        {
            if (!IsKey(section.Key) || ReservedSectionKeys.Contains(section.Key) || !keys.Add(section.Key))
            {
                problems.Add(new FormProblem("Form.Problem.Key", section.Key));
            }

            if (string.IsNullOrWhiteSpace(section.TitleJa) || string.IsNullOrWhiteSpace(section.TitleEn) || section.Fields.Count == 0)
            {
                problems.Add(new FormProblem("Form.Problem.Section", section.Key));
            }

            foreach (var field in section.Fields)
            {
                problems.AddRange(CheckField(field, keys, profileItems));
            }
        }

        return problems;
    }

    private static IEnumerable<FormProblem> CheckField(FormField field, HashSet<string> keys, IReadOnlyDictionary<string, IReadOnlyList<string>> profileItems)
    {
        if (!IsKey(field.Key) || !keys.Add(field.Key))
        {
            yield return new FormProblem("Form.Problem.Key", field.Key);
        }

        if (string.IsNullOrWhiteSpace(field.LabelJa) || string.IsNullOrWhiteSpace(field.LabelEn))
        {
            yield return new FormProblem("Form.Problem.Label", field.Key);
        }

        var duplicate = profileItems.FirstOrDefault(item =>
            string.Equals(item.Key, field.Key, StringComparison.OrdinalIgnoreCase)
            || item.Value.Any(word => Same(word, field.LabelJa) || Same(word, field.LabelEn)));
        if (duplicate.Key is not null)
        {
            yield return new FormProblem("Form.Problem.DuplicatesProfile", field.Key, duplicate.Key);
        }

        var choosing = field.Kind is FieldKind.Choice or FieldKind.MultipleChoice;
        if (choosing != (field.Choices.Count > 0)
            || field.Choices.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count() != field.Choices.Count
            || field.Choices.Any(c => !IsKey(c.Value) || string.IsNullOrWhiteSpace(c.Ja) || string.IsNullOrWhiteSpace(c.En)))
        {
            yield return new FormProblem("Form.Problem.Choices", field.Key);
        }

        if (field.Min > field.Max || field.MaxLength is <= 0 || (field.Min is not null || field.Max is not null) && field.Kind is not (FieldKind.Yen or FieldKind.Number))
        {
            yield return new FormProblem("Form.Problem.Bounds", field.Key);
        }

        if (field.Decimals is { } places && (field.Kind != FieldKind.Number || places is < 0 or > FormField.MaxDecimals))
        {
            yield return new FormProblem("Form.Problem.Decimals", field.Key, FormField.MaxDecimals.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The standard steps of every form: no section of a form's own may take their names.</summary>
    private static readonly HashSet<string> ReservedSectionKeys = new(StringComparer.OrdinalIgnoreCase) { "profile", "expenses", "check" };

    private static bool IsKey(string key) => key.Length is >= 1 and <= 40 && !key.AsSpan().ContainsAnyExcept(KeyChars);

    private static bool Same(string word, string label) =>
        string.Equals(Normalize(word), Normalize(label), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text) =>
        string.Concat(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)));
}
