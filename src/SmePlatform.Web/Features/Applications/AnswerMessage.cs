using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// Why an answer was refused, naming its field, as beside the field, in the error summary and on the check page: an
/// empty field is to be entered (「「事業計画名」を入力してください」), a choice selected (「「事業類型」を選択してください」),
/// and any other refusal gives the field's label and the rule it broke (「「事業計画名」: 60文字以内で入力してください」).
/// </summary>
public static class AnswerMessage
{
    public static string Of(FormField field, FieldResult refused, IStringLocalizer t)
    {
        var label = Display.Text(field.LabelJa, field.LabelEn);
        return refused.ErrorKey switch
        {
            "Answer.Required" or "Answer.Choose" or "Answer.ChooseAtLeastOne" => t[refused.ErrorKey, label],
            _ => t["Answer.Refused", label, t.PluralOfFirstCount(refused.ErrorKey!, refused.Args, refused.Args).Value],
        };
    }
}
