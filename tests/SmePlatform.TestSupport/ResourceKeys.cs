using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SmePlatform.Web;

namespace SmePlatform.TestSupport;

/// <summary>
/// Finds resource keys shown to people: a string the localizer could not find comes out as its key
/// ("Dashboard.Column.flags"). A key is a family the resources use (<c>Dashboard.</c>, <c>Apply.</c> …) followed by a
/// dot and a name, or any dotted pair of capitalised words (a family that has no strings at all).
/// </summary>
public static partial class ResourceKeys
{
    private static readonly string[] ShownAttributes = ["title", "alt", "aria-label", "aria-description", "placeholder", "content"];

    private static readonly Lazy<Regex> Pattern = new(() =>
    {
        var resources = new ResourceManager("SmePlatform.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var families = resources.GetResourceSet(CultureInfo.GetCultureInfo("ja"), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key).Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(f => f.Length)
            .Select(Regex.Escape);
        return new Regex(
            $@"(?<![\w./-])(?:(?:{string.Join('|', families)})\.[A-Za-z0-9][\w-]*|[A-Z][a-z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*)(?:\.[\w-]+)*",
            RegexOptions.CultureInvariant);
    });

    /// <summary>The resource keys in a text (empty when there are none).</summary>
    public static IReadOnlyList<string> In(string text) => [.. Pattern.Value.Matches(text).Select(m => m.Value)];

    /// <summary>
    /// The resource keys a page shows: in its text (the title included), in the attributes people see or hear
    /// (title, alt, aria-label, placeholder, a button's value), and in data attributes, whose texts scripts show.
    /// </summary>
    public static IReadOnlyList<string> ShownIn(IDocument document)
    {
        var found = new List<string>();
        foreach (var node in document.DocumentElement.GetDescendantsAndSelf())
        {
            if (node is IText text && text.ParentElement?.TagName is not ("SCRIPT" or "STYLE"))
            {
                found.AddRange(In(text.Data));
            }
            else if (node is IElement element)
            {
                foreach (var attribute in element.Attributes)
                {
                    var shown = ShownAttributes.Contains(attribute.Name)
                        || attribute.Name.StartsWith("data-", StringComparison.Ordinal)
                        || (attribute.Name == "value" && (element.TagName == "BUTTON" || element.GetAttribute("type") is "submit" or "button"));
                    if (shown)
                    {
                        found.AddRange(In(attribute.Value));
                    }
                }
            }
        }

        return found;
    }
}
