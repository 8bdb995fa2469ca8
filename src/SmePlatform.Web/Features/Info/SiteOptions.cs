namespace SmePlatform.Web.Features.Info;

/// <summary><c>Site</c> settings: what the operator of a deployment says about itself.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// Where people write about the site: problems, accessibility, personal information. The contact page, the
    /// accessibility statement and the privacy policy show it. Unset, they say there is no office to answer and how else
    /// to ask (a measure's agency).
    /// </summary>
    public string? ContactEmail { get; set; }

    /// <summary>The address is the demonstration's (Development): shown marked as such, since no one answers it.</summary>
    public bool ContactIsDemo { get; set; }
}
