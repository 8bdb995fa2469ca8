using Microsoft.AspNetCore.Mvc.Razor;

namespace SmePlatform.Web.Infrastructure.Views;

/// <summary>
/// Views live beside their controllers: Features/{Feature}/{View}.cshtml, where the feature is the
/// controller's folder under Features (set by <see cref="FeatureConvention"/>), then Features/Shared.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor.Properties.TryGetValue(FeatureConvention.Key, out var feature))
        {
            context.Values[FeatureConvention.Key] = (string?)feature;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureConvention.Key, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }
}
