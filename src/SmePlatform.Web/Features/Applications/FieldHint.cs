using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// What a form field's hint says before anything is typed: the form's own hint for it, then what its rules take — how
/// many decimal places a number takes, how many characters a text takes (「60文字以内で入力できます。」, the limit
/// <see cref="FieldInput.Check"/> enforces) — so that no limit is first heard of in an error. A yen field without a hint of
/// its own says how to write yen, a file field which files are taken.
/// </summary>
public static class FieldHint
{
    public static string? Of(FormField field, IStringLocalizer t)
    {
        var own = field.HintJa is null ? null : Display.Text(field.HintJa, field.HintEn ?? field.HintJa);
        var rule = field switch
        {
            { Kind: FieldKind.Number, Places: > 0 } => t.Plural("Apply.Hint.Decimals", field.Places, field.Places).Value,
            { LengthLimit: { } limit } => t.Plural("Apply.Hint.MaxLength", limit, limit).Value,
            _ => null,
        };
        return (own, rule) switch
        {
            (null, null) => field.Kind switch
            {
                FieldKind.Yen => t["Apply.Hint.Yen"].Value,
                FieldKind.File => t["Attachment.Hint"].Value,
                _ => null,
            },
            (_, null) => own,
            (null, _) => rule,
            // Japanese sentences run on after 。; English ones take a space.
            _ => Display.Text(own + rule, own + " " + rule),
        };
    }
}
