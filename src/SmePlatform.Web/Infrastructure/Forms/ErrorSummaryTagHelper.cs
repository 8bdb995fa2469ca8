using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace SmePlatform.Web.Infrastructure.Forms;

/// <summary>
/// <c>&lt;error-summary /&gt;</c>: when the form came back with errors, a box at the top that receives focus
/// (site.js) and links each message to its field. Nothing is rendered for a valid form.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.Attributes.SetAttribute("data-error-summary", "");

        var list = new TagBuilder("ul");
        list.AddCssClass("error-summary-list");
        foreach (var (key, entry) in InFormOrder(modelState))
        {
            foreach (var error in entry.Errors)
            {
                var item = new TagBuilder("li");
                if (string.IsNullOrEmpty(key))
                {
                    item.InnerHtml.Append(error.ErrorMessage);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + FieldIds.For(key);
                    link.InnerHtml.Append(error.ErrorMessage);
                    item.InnerHtml.AppendHtml(link);
                }

                list.InnerHtml.AppendHtml(item);
            }
        }

        var title = HtmlEncoder.Default.Encode(localizer["Form.ErrorSummaryTitle"]);
        output.Content.SetHtmlContent($"<h2 id=\"error-summary-title\" class=\"error-summary-title\">{title}</h2>");
        output.Content.AppendHtml(list);
    }

    /// <summary>
    /// Messages in the order the fields stand on the form (the model's property order); messages about the
    /// whole form come first. ModelState itself keeps no order.
    /// </summary>
    private IEnumerable<(string Key, ModelStateEntry Entry)> InFormOrder(ModelStateDictionary modelState)
    {
        var order = ViewContext.ViewData.ModelMetadata.Properties
            .Select((property, index) => (property.PropertyName, index))
            .ToDictionary(p => p.PropertyName!, p => p.index, StringComparer.Ordinal);
        return modelState
            .Where(pair => pair.Value is { Errors.Count: > 0 })
            .Select(pair => (pair.Key, Entry: pair.Value!))
            .OrderBy(pair => pair.Key.Length == 0 ? -1 : order.GetValueOrDefault(pair.Key, int.MaxValue));
    }
}

/// <summary>The same element ids that MVC gives a field named after a model property.</summary>
public static class FieldIds
{
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}
