using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace SmePlatform.Web.Infrastructure.Forms;

/// <summary>
/// <c>&lt;form-field for="Email" type="email" autocomplete="email" hint="…" /&gt;</c>: one field as every form
/// shows it — label, hint, the error message beside the field, <c>aria-describedby</c> and <c>aria-invalid</c>,
/// and the value the person typed kept (except passwords, which are never sent back), marked lang="ja" when Japanese.
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression? For { get; set; }

    /// <summary>A field of a form defined as data, without <c>for</c>: its name, label and value (name and label also override <c>for</c>).</summary>
    public string? Name { get; set; }

    public string? Label { get; set; }

    public string? Value { get; set; }

    /// <summary>text, email, password, tel, number, date, file, checkbox, select or textarea.</summary>
    public string Type { get; set; } = "text";

    public string? Hint { get; set; }

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>Choices of a select: value and already-localized text.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>
    /// A select whose choices belong under the choice of another field (a middle industry under its major): that field's
    /// name, written <c>data-parent-field</c>, and each choice's parent value, written <c>data-parent</c> on its option.
    /// With JavaScript the page offers only the choices under the parent chosen; without, all (the server still checks).
    /// </summary>
    public string? ParentField { get; set; }

    /// <summary>The parent value of each choice by its value (see <see cref="ParentField"/>); a choice without one is always offered.</summary>
    public IReadOnlyDictionary<string, string>? Parents { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = Name ?? For?.Name ?? throw new InvalidOperationException("<form-field> needs for or name.");
        var id = FieldIds.For(name);
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors : null;
        var hasError = errors is { Count: > 0 };
        var value = entry?.AttemptedValue ?? (For is null ? Value : Convert.ToString(For.Model, CultureInfo.CurrentCulture));

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "form-field form-field-error" : "form-field");

        var describedBy = new List<string>();
        var hint = string.IsNullOrEmpty(Hint) ? null : Element("div", "form-hint", $"{id}-hint", Hint);
        if (hint is not null)
        {
            describedBy.Add($"{id}-hint");
        }

        TagBuilder? error = null;
        if (hasError)
        {
            error = ErrorMessage(id, errors!.Select(e => e.ErrorMessage), localizer["Form.ErrorPrefix"]);
            describedBy.Add($"{id}-error");
        }

        var control = Control(name, id, value, hasError, describedBy);
        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.AddCssClass(Type == "checkbox" ? "form-check-label" : "form-label");
        label.InnerHtml.Append(Label ?? For?.Metadata.GetDisplayName() ?? name);

        if (Type == "checkbox")
        {
            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass("form-check");
            wrapper.InnerHtml.AppendHtml(control);
            wrapper.InnerHtml.AppendHtml(label);
            output.Content.AppendHtml(wrapper);
            AppendIfAny(output, hint, error);
            return;
        }

        output.Content.AppendHtml(label);
        AppendIfAny(output, hint, error);
        output.Content.AppendHtml(control);
    }

    private TagBuilder Control(string name, string id, string? value, bool hasError, List<string> describedBy)
    {
        TagBuilder control;
        switch (Type)
        {
            case "select":
                control = new TagBuilder("select");
                control.AddCssClass("form-select");
                foreach (var item in Items ?? [])
                {
                    var option = new TagBuilder("option");
                    option.Attributes["value"] = item.Value;
                    if (item.Value == value)
                    {
                        option.Attributes["selected"] = "selected";
                    }

                    // A choice that is a name in Japanese (a measure's title) is marked so on an English page.
                    if (Localization.Display.LanguageOf(item.Text) is { } itemLanguage)
                    {
                        option.Attributes["lang"] = itemLanguage;
                    }

                    if (Parents is not null && Parents.TryGetValue(item.Value, out var parent))
                    {
                        option.Attributes["data-parent"] = parent;
                    }

                    option.InnerHtml.Append(item.Text);
                    control.InnerHtml.AppendHtml(option);
                }

                if (ParentField is not null)
                {
                    control.Attributes["data-parent-field"] = ParentField;
                }

                break;
            case "textarea":
                control = new TagBuilder("textarea");
                control.AddCssClass("form-control");
                control.Attributes["rows"] = "5";
                control.InnerHtml.Append(value ?? "");
                break;
            case "checkbox":
                control = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                control.AddCssClass("form-check-input");
                control.Attributes["type"] = "checkbox";
                control.Attributes["value"] = "true";
                if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    control.Attributes["checked"] = "checked";
                }

                break;
            default:
                control = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                control.AddCssClass("form-control");
                control.Attributes["type"] = Type;
                if (Type is not ("password" or "file") && value is not null)
                {
                    control.Attributes["value"] = value;
                }

                break;
        }

        control.Attributes["id"] = id;
        control.Attributes["name"] = name;
        // What was typed in Japanese is marked so, whatever the page's language (screen readers pronounce it).
        if (Type is not ("password" or "file") && Localization.Display.LanguageOf(value) is { } language)
        {
            control.Attributes["lang"] = language;
        }

        if (hasError)
        {
            control.AddCssClass("is-invalid");
            control.Attributes["aria-invalid"] = "true";
        }

        if (describedBy.Count > 0)
        {
            control.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (Autocomplete is not null)
        {
            control.Attributes["autocomplete"] = Autocomplete;
        }

        if (Inputmode is not null)
        {
            control.Attributes["inputmode"] = Inputmode;
        }

        return control;
    }

    /// <summary>The message beside a field, with a prefix that screen readers announce ("Error:").</summary>
    internal static TagBuilder ErrorMessage(string id, IEnumerable<string> messages, string prefixText)
    {
        var error = new TagBuilder("p");
        error.AddCssClass("form-error-message");
        error.Attributes["id"] = $"{id}-error";
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("visually-hidden");
        prefix.InnerHtml.Append(prefixText + " ");
        error.InnerHtml.AppendHtml(prefix);
        error.InnerHtml.Append(string.Join(" ", messages));
        return error;
    }

    private static TagBuilder Element(string tag, string css, string id, string text)
    {
        var element = new TagBuilder(tag);
        element.AddCssClass(css);
        element.Attributes["id"] = id;
        element.InnerHtml.Append(text);
        return element;
    }

    private static void AppendIfAny(TagHelperOutput output, params TagBuilder?[] parts)
    {
        foreach (var part in parts)
        {
            if (part is not null)
            {
                output.Content.AppendHtml(part);
            }
        }
    }
}
