using Microsoft.Extensions.Primitives;
using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Applications.Sections;

/// <summary>One field's answer as typed (<c>Answers.{key}</c>), and what the field's check made of it.</summary>
public sealed record TypedAnswer(FormField Field, StringValues Typed, FieldResult Result)
{
    /// <summary>The posted field's name, where its message and its typed value go back.</summary>
    public string Name => NameOf(Field);

    public static string NameOf(FormField field) => $"Answers.{field.Key}";

    public static TypedAnswer Of(FormField field, StringValues typed) => new(field, typed, FieldInput.Check(field, [.. typed]));
}

/// <param name="Answers">The section's answers (its file fields aside), each checked once.</param>
/// <param name="AllRequired">Moving on needs every answer; any other button refuses only what was typed wrongly.</param>
public sealed record SectionAnswers(IReadOnlyList<TypedAnswer> Answers, bool AllRequired)
{
    /// <summary>The answers the section's fields accept, as stored (a cleared one is null, and removed).</summary>
    public IReadOnlyDictionary<string, string?> Valid =>
        Answers.Where(a => a.Result.IsValid).ToDictionary(a => a.Field.Key, a => a.Result.Value, StringComparer.Ordinal);

    public static SectionAnswers Of(FormSection section, IFormCollection posted, bool allRequired) =>
        new([.. section.Fields.Where(f => f.Kind != FieldKind.File).Select(f => TypedAnswer.Of(f, posted[TypedAnswer.NameOf(f)]))], allRequired);
}
