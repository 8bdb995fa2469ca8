using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Features.Applications.Downloads;
using SmePlatform.Web.Features.Applications.Sections;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The sections of the measure's form, one page each (saved on Next, and autosaved with JavaScript), and the files
/// attached to them. Scoped to the business in the route: another business's application is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications")]
public sealed class ApplicationSectionsController() : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("{applicationId:int}/sections/{section}")]
    public async Task<IActionResult> Section(int businessId, int applicationId, string section, [FromServices] SectionQuery query) =>
        await query.RunAsync(businessId, applicationId, section) is { } page ? View(page) : NotFound();

    /// <summary>
    /// Saves a section (<see cref="SaveSectionHandler"/>). "next" moves on when all is well; "stay" (upload) and a removal
    /// keep the applicant here; "later" saves and returns to the application; "autosave" answers 204, or 422 when something
    /// typed was refused. Whatever the button, an answer typed wrongly is never dropped unseen: it comes back beside its field.
    /// </summary>
    [HttpPost("{applicationId:int}/sections/{section}")]
    [RequestSizeLimit(AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [Errors.UploadLimits(AttachmentInspector.MaxBytes, AttachmentInspector.MaxBytesPerApplication)]
    public async Task<IActionResult> Section(int businessId, int applicationId, string section, string? intent, int? remove, [FromServices] SaveSectionHandler handler)
    {
        var outcome = await handler.HandleAsync(new SaveSectionCommand(businessId, applicationId, section, intent, remove, Request.Form, UserId));
        if (outcome.Value is not { } saved)
        {
            return NotFound();
        }

        foreach (var answer in saved.Answers.Answers)
        {
            ModelState.SetModelValue(answer.Name, answer.Typed, answer.Typed.ToString());
        }

        ModelState.AddOutcomeErrors(saved.Refused);
        return (intent, ModelState.ErrorCount == 0) switch
        {
            (ApplicationIntent.Autosave, var ok) => ok ? NoContent() : UnprocessableEntity(),
            (ApplicationIntent.Later, true) => Redirect(saved.File.Path()),
            (ApplicationIntent.Next, true) => Redirect(saved.File.NextAfter(section)),
            _ => View(new SectionPage(saved.File, saved.Section)),
        };
    }

    [HttpGet("{applicationId:int}/attachments/{attachmentId:int}")]
    [FileDownload]
    public async Task<IActionResult> Attachment(int businessId, int applicationId, int attachmentId, [FromServices] AttachmentQuery query) =>
        await query.RunAsync(businessId, applicationId, attachmentId) is { } download ? File(download.Bytes, download.ContentType, download.FileName) : NotFound();
}
