namespace SmePlatform.Web.Features.Info;

/// <summary><c>Site</c> settings: what the operator of a deployment says about itself.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// Where people write about the site: problems, accessibility, personal information (the contact page shows it).
    /// Unset in the demonstration, which has no office to answer: the page says so.
    /// </summary>
    public string? ContactEmail { get; set; }
}
