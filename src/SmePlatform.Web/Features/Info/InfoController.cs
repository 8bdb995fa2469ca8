using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SmePlatform.Web.Features.Info;

/// <summary>The pages about the site, linked from the footer of every page, for everyone.</summary>
[AllowAnonymous]
public sealed class InfoController : Controller
{
    [HttpGet("/about")]
    public IActionResult About() => Show(InfoPages.About);

    [HttpGet("/terms")]
    public IActionResult Terms() => Show(InfoPages.Terms);

    [HttpGet("/privacy")]
    public IActionResult Privacy() => Show(InfoPages.Privacy);

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => Show(InfoPages.Accessibility);

    [HttpGet("/contact")]
    public IActionResult Contact() => Show(InfoPages.Contact);

    private ViewResult Show(string key) => View("Page", InfoPages.Get(key, CultureInfo.CurrentUICulture));
}
