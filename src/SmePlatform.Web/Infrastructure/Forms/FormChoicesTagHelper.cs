using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace SmePlatform.Web.Infrastructure.Forms;

/// <summary>
/// <c>&lt;form-choices for="Purposes" items="…" hint="…" /&gt;</c>: a group of checkboxes for a list property, as
/// <see cref="FormFieldTagHelper"/> shows one field: a fieldset whose legend names it, the hint and the error
/// beside it, and the boxes ticked as sent. The first box carries the field's id, so the error summary links to it.
/// </summary>
[HtmlTargetElement("form-choices", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormChoicesTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>Without <c>for</c> (a field of a form defined as data): the group's name, legend and chosen values.</summary>
    public string? Name { get; set; }

    public string? Label { get; set; }

    public IEnumerable<string>? Values { get; set; }

    public string? Hint { get; set; }

    /// <summary>Choices: value and already-localized text.</summary>
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Lay the boxes out in columns (for long lists such as the prefectures).</summary>
    public bool Columns { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = Name ?? For?.Name ?? throw new InvalidOperationException("<form-choices> needs for or name.");
        var id = FieldIds.For(name);
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var hasError = errors is { Count: > 0 };
        var chosen = entry?.RawValue switch
        {
            string[] values => values.ToHashSet(StringComparer.Ordinal),
            string value => [value],
            _ => ((For is null ? Values : For.Model) as System.Collections.IEnumerable)?.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!).ToHashSet(StringComparer.Ordinal) ?? [],
        };

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "form-field form-choices form-field-error" : "form-field form-choices");
        var describedBy = new List<string>();

        var legend = new TagBuilder("legend");
        legend.AddCssClass("form-label");
        legend.InnerHtml.Append(For?.Metadata.GetDisplayName() ?? Label ?? name);
        output.Content.AppendHtml(legend);

        if (!string.IsNullOrEmpty(Hint))
        {
            var hint = new TagBuilder("div");
            hint.AddCssClass("form-hint");
            hint.Attributes["id"] = $"{id}-hint";
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
            describedBy.Add($"{id}-hint");
        }

        if (hasError)
        {
            output.Content.AppendHtml(FormFieldTagHelper.ErrorMessage(id, errors!.Select(e => e.ErrorMessage), localizer["Form.ErrorPrefix"]));
            describedBy.Add($"{id}-error");
        }

        if (describedBy.Count > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
        }

        var boxes = new TagBuilder("div");
        boxes.AddCssClass(Columns ? "choices choices-columns" : "choices");
        var index = 0;
        foreach (var item in Items)
        {
            var boxId = index++ == 0 ? id : $"{id}_{index}";
            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass("form-check");
            var box = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            box.AddCssClass("form-check-input");
            box.Attributes["type"] = "checkbox";
            box.Attributes["id"] = boxId;
            box.Attributes["name"] = name;
            box.Attributes["value"] = item.Value;
            if (chosen.Contains(item.Value))
            {
                box.Attributes["checked"] = "checked";
            }

            var label = new TagBuilder("label");
            label.AddCssClass("form-check-label");
            label.Attributes["for"] = boxId;
            label.InnerHtml.Append(item.Text);
            wrapper.InnerHtml.AppendHtml(box);
            wrapper.InnerHtml.AppendHtml(label);
            boxes.InnerHtml.AppendHtml(wrapper);
        }

        output.Content.AppendHtml(boxes);
    }
}
