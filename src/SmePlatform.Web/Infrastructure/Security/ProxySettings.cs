namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>The <c>ForwardedHeaders</c> section of configuration: which proxies may say who the client is and how it came.</summary>
public sealed class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies (load balancers) in front of the portal: <c>10.0.0.5</c>, <c>2001:db8::5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation: <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are read back from <c>X-Forwarded-For</c> (one: the balancer in front).</summary>
    public int ForwardLimit { get; set; } = 1;
}
