using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SmePlatform.Web.Infrastructure.Email;

/// <summary>
/// The portal's address as people reach it, which every link in an email starts with (account emails, invitations,
/// receipts, notices): the <c>PublicBaseUrl</c> setting, or where none is set outside Production, the address the
/// portal listens on (so <c>dotnet run --urls http://127.0.0.1:5103</c> sends links to port 5103). Production refuses
/// to start without the setting: behind a proxy, the address the process listens on is not one people can reach.
/// </summary>
public sealed class PublicBaseUrl(IConfiguration configuration, IHostEnvironment environment, IServer server)
{
    public const string Key = "PublicBaseUrl";

    private string? _value;

    /// <summary>The base, without a trailing slash: <c>https://portal.example.go.jp</c>.</summary>
    public string Value => _value ??= Choose(
        configuration[Key], environment.IsProduction(), server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    /// <summary>The absolute address of a path of the portal (<c>/businesses/1/applications/2</c>).</summary>
    public string Link(string path) => Value + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Checks the setting at start: well formed where given, given in Production.</summary>
    public void Validate()
    {
        var configured = configuration[Key];
        if (!string.IsNullOrWhiteSpace(configured) || environment.IsProduction())
        {
            _ = Choose(configured, environment.IsProduction(), []);
        }
    }

    /// <summary>
    /// The base links start with: <paramref name="configured"/> when given (an absolute http or https address, perhaps
    /// with a path), else — outside Production — the first of the addresses the server <paramref name="listening"/> on
    /// (an https one first), a wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>) read as <c>localhost</c>.
    /// </summary>
    public static string Choose(string? configured, bool production, IEnumerable<string> listening)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
                ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
                : throw new InvalidOperationException($"{Key} must be the portal's absolute http or https address, such as https://portal.example.go.jp; it is '{configured}'.");
        }

        if (production)
        {
            throw new InvalidOperationException($"Set {Key} to the portal's address as people reach it (for example https://portal.example.go.jp): every link in an email starts with it.");
        }

        var addresses = listening.Select(Reachable).OfType<Uri>().ToList();
        var chosen = addresses.FirstOrDefault(a => a.Scheme == "https") ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"The portal listens on no address yet, and {Key} is not set.");
        return chosen.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>A listening address as a browser on the same machine reaches it.</summary>
    private static Uri? Reachable(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var rest = address[(scheme + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
        var wildcard = host is "*" or "+" or "0.0.0.0" or "[::]";
        return Uri.TryCreate(address[..(scheme + 3)] + (wildcard ? "localhost" : host) + rest[host.Length..], UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" ? uri : null;
    }
}
