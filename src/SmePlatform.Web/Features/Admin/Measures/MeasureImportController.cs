using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.Measures;

public sealed class MeasureImportForm
{
    [Display(Name = "Import.Field.File")]
    public IFormFile? File { get; set; }

    [Display(Name = "Import.Field.Format")]
    public ImportFormat Format { get; set; }

    [Display(Name = "Import.Field.Publish")]
    public bool Publish { get; set; }

    /// <summary>The file of a dry run, carried to the import so it need not be chosen again (base64).</summary>
    public string? Payload { get; set; }

    public string? FileName { get; set; }
}

public sealed record MeasureImportPage(MeasureImportForm Form, ImportPlan? Plan, bool Imported);

/// <summary>
/// Imports measures from a jGrants-shaped JSON file or a CSV file (<see cref="MeasureImporter"/>): a dry run lists
/// what would be created, updated or refused, row by row; the import itself runs the same plan again and applies
/// it in one transaction, or nothing when any row is refused.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/measures/import")]
public sealed class MeasureImportController(MeasureImporter importer, AuditLog audit, IStringLocalizer<SharedResource> t) : Controller
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private const string FileField = "Form.File";

    [HttpGet("")]
    public IActionResult Index() => View("Import", new MeasureImportPage(new MeasureImportForm(), null, false));

    [HttpPost("")]
    [RequestSizeLimit(MaxFileBytes * 3)]
    // The dry run's file comes back base64-encoded in a form field (a third larger than the file), over the 4 MB
    // a form value may hold by default.
    [RequestFormLimits(ValueLengthLimit = (int)MaxFileBytes * 2, MultipartBodyLengthLimit = MaxFileBytes * 3)]
    [Errors.UploadLimits(MaxFileBytes, MaxFileBytes)]
    public async Task<IActionResult> Index(MeasureImportForm form, string? intent, CancellationToken cancellationToken)
    {
        byte[] content;
        if (form.File is { Length: > 0 } file)
        {
            if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError(FileField, t["Import.File.TooLarge", MaxFileBytes / 1024 / 1024]);
                return View("Import", new MeasureImportPage(form, null, false));
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
            // Without bidirectional or other control characters (a name that shows as something else).
            form.FileName = Domain.Applications.FileNames.Clean(file.FileName);
            if (form.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                form.Format = ImportFormat.Csv;
            }
        }
        else if (form.Payload is { Length: > 0 } payload && TryBase64(payload, out var carried))
        {
            content = carried;
        }
        else
        {
            ModelState.AddModelError(FileField, t["Import.File.Required"]);
            return View("Import", new MeasureImportPage(form, null, false));
        }

        form.Payload = Convert.ToBase64String(content);
        ModelState.Remove("Form.Payload");
        var plan = await importer.PlanAsync(new MemoryStream(content), form.Format, form.Publish, cancellationToken);
        if (plan.FileError is { } fileError)
        {
            var parts = fileError.Split('|');
            ModelState.AddModelError(FileField, t[parts[0], parts[1..]]);
            return View("Import", new MeasureImportPage(form, plan, false));
        }

        if (intent != FormIntents.Import || !plan.CanImport)
        {
            return View("Import", new MeasureImportPage(form, plan, false));
        }

        var fileName = form.FileName is { Length: > 0 } name ? Domain.Applications.FileNames.Clean(name[..Math.Min(name.Length, 100)]) : "upload";
        audit.Record("measure-import.ran", "MeasureImport", fileName, $"created={plan.Count(ImportAction.Create)},updated={plan.Count(ImportAction.Update)}");
        await importer.ApplyAsync(plan, cancellationToken);
        return View("Import", new MeasureImportPage(new MeasureImportForm(), plan, true));
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written) && written <= MaxFileBytes)
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
