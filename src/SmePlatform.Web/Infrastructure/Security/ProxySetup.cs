using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>
/// Behind a TLS-terminating proxy the portal sees plain HTTP from the proxy's address. <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed from the configured proxies only (<see cref="ProxySettings"/>; with none
/// configured, a proxy on the same machine: loopback), first in the pipeline, so that the client's address (rate
/// limiting, logs) and the scheme (Secure cookies, HSTS, the HTTPS redirect) are the client's; from anywhere else
/// the headers are ignored. Outside Development and Testing every cookie is Secure whatever the request says, and
/// the HTTPS redirect goes to the port of <c>PublicBaseUrl</c> (443), which the process itself cannot know.
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddPlatformProxy(this IServiceCollection services, IConfiguration configuration, bool local)
    {
        var settings = configuration.GetSection(ProxySettings.Section).Get<ProxySettings>() ?? new ProxySettings();
        var proxies = settings.KnownProxies.Select(Address).ToList();
        var networks = settings.KnownNetworks.Select(Network).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            if (proxies.Count + networks.Count > 0)
            {
                // Configured: these and nothing else (not even loopback, the default).
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            }
        });

        if (!local)
        {
            services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
            if (Uri.TryCreate(configuration[Email.PublicBaseUrl.Key], UriKind.Absolute, out var publicBase) && publicBase.Scheme == Uri.UriSchemeHttps)
            {
                services.AddHttpsRedirection(options => options.HttpsPort = publicBase.Port);
            }
        }

        return services;
    }

    private static IPAddress Address(string value) =>
        IPAddress.TryParse(value.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"{ProxySettings.Section}:{nameof(ProxySettings.KnownProxies)} holds '{value}', which is not an IP address.");

    private static System.Net.IPNetwork Network(string value) =>
        System.Net.IPNetwork.TryParse(value.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"{ProxySettings.Section}:{nameof(ProxySettings.KnownNetworks)} holds '{value}', which is not a network in CIDR notation (10.0.0.0/24).");
}
