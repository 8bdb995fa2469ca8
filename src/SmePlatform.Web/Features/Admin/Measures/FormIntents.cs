namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>
/// The values of the <c>intent</c> button that the measure pages' forms send: which of a form's buttons was pressed. The
/// views write these constants and the controllers compare against them, so a renamed button cannot silently change
/// what a form does.
/// </summary>
public static class FormIntents
{
    /// <summary>The form's field name.</summary>
    public const string Field = "intent";

    public const string Save = "save";

    /// <summary>The measure editor: show the page as it would be, save nothing.</summary>
    public const string Preview = "preview";

    /// <summary>The terms editor: more blank rows, save nothing.</summary>
    public const string AddRows = "add";

    /// <summary>The import: check the file and show what it would do.</summary>
    public const string DryRun = "dryrun";

    /// <summary>The import: do it.</summary>
    public const string Import = "import";
}
