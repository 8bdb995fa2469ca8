using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.TestSupport;

/// <summary>One page or form target of the portal, as found in its endpoints.</summary>
public sealed record PortalRoute(string Method, string Template, string Path, bool Anonymous, bool IsDownload = false)
{
    /// <summary>A page of one business (its template has <c>{businessId}</c>): only that business's members may see it.</summary>
    public bool BusinessScoped => Template.Contains("{businessId", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Every MVC page and form target of the running app, read from its EndpointDataSource, so that route-driven
/// tests cover new pages without being told. A route parameter needs a sample value below: a new one fails
/// the tests until it gets one.
/// </summary>
public static class PortalRoutes
{
    private static readonly Dictionary<string, string> SampleValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["statusCode"] = "404",
        ["slug"] = "monozukuri-2026",
        // The first demo measure.
        ["id"] = "1",
        // Tests of business pages pass the id of a business their user belongs to.
        ["businessId"] = "1",
        ["grantId"] = "1",
        ["table"] = "business",
        ["yearId"] = "1",
        ["shareholderId"] = "1",
        ["officerId"] = "1",
        ["memberId"] = "1",
        ["invitationId"] = "1",
        ["token"] = "no-such-invitation",
        // Tests of application pages pass an application of their business that has a receipt (see CreateApplicationAsync).
        ["applicationId"] = "1",
        ["section"] = "plan",
        ["round"] = "1",
        ["attachmentId"] = "1",
        ["flagId"] = "1",
        ["measureId"] = "1",
        // The self-check's thresholds: an industry (JSIC major) and an indicator.
        ["industry"] = "E",
        ["indicator"] = "SalesGrowth",
        // A staff member's account id (no such account: tests of the roles page pass a real one).
        ["userId"] = "no-such-user",
    };

    /// <summary>Every GET page; <paramref name="samples"/> replaces sample values (a business the caller belongs to, say).</summary>
    public static IReadOnlyList<PortalRoute> Pages(IServiceProvider services, IReadOnlyDictionary<string, string>? samples = null) =>
        Find(services, HttpMethods.Get, samples);

    public static IReadOnlyList<PortalRoute> FormTargets(IServiceProvider services, IReadOnlyDictionary<string, string>? samples = null) =>
        Find(services, HttpMethods.Post, samples);

    private static List<PortalRoute> Find(IServiceProvider services, string method, IReadOnlyDictionary<string, string>? samples)
    {
        var routes = new List<PortalRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var action = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (action is null || methods is null || !methods.Contains(method) || endpoint.Metadata.GetMetadata<ApiControllerAttribute>() is not null)
            {
                continue;
            }

            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var path = template;
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                string? value = null;
                if (samples?.TryGetValue(parameter.Name, out value) != true && !SampleValues.TryGetValue(parameter.Name, out value))
                {
                    throw new InvalidOperationException($"Route {template} has parameter '{parameter.Name}' with no sample value in PortalRoutes.");
                }

                path = System.Text.RegularExpressions.Regex.Replace(path, $@"\{{{parameter.Name}[^}}]*\}}", value!);
            }

            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
            routes.Add(new PortalRoute(method, template, path, anonymous, endpoint.Metadata.GetMetadata<FileDownloadAttribute>() is not null));
        }

        return [.. routes.DistinctBy(r => r.Path).OrderBy(r => r.Path, StringComparer.Ordinal)];
    }

    private static class HttpMethods
    {
        public const string Get = "GET";
        public const string Post = "POST";
    }
}
