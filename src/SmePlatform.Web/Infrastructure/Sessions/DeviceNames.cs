namespace SmePlatform.Web.Infrastructure.Sessions;

/// <summary>
/// Names the browser and the system of a sign-in from its User-Agent, coarsely ("Chrome", "Windows"), so a person can
/// tell their sign-ins apart; the User-Agent itself is not kept (it helps to single a person out and the page needs no
/// more). No maintained User-Agent parser is available to the project, so this is a short table of the tokens the common
/// browsers send, checked in order: Chromium-based browsers also say "Chrome" and "Safari", and Chrome also says
/// "Safari", so the more particular names come first. Anything else is unknown (null), never guessed.
/// </summary>
public static class DeviceNames
{
    /// <summary>Longer User-Agents are read only this far (a browser's fits well within it).</summary>
    public const int ReadLimit = 512;

    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Version/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Platforms =
    [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];

    public static (string? Browser, string? Platform) From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return (null, null);
        }

        var text = userAgent.Length > ReadLimit ? userAgent[..ReadLimit] : userAgent;
        var browser = First(Browsers, text);
        // "Version/" alone is not Safari: Safari also says "Safari/".
        if (browser == "Safari" && !text.Contains("Safari/", StringComparison.Ordinal))
        {
            browser = null;
        }

        return (browser, First(Platforms, text));
    }

    private static string? First((string Token, string Name)[] table, string text)
    {
        foreach (var (token, name) in table)
        {
            if (text.Contains(token, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }
}
