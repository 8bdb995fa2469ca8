namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The values of the buttons named <c>intent</c> on the application's forms (and of the autosave, which site.js posts
/// as one): what the person asked for with the same post. The views post these values; the controllers and handlers
/// compare against these names, never against the strings.
/// </summary>
public static class ApplicationIntent
{
    /// <summary>The posted field's name.</summary>
    public const string Field = "intent";

    /// <summary>Save and go on to the next step: every answer is needed.</summary>
    public const string Next = "next";

    /// <summary>Save and return to the application's page.</summary>
    public const string Later = "later";

    /// <summary>Save and stay on the step (an upload).</summary>
    public const string Stay = "stay";

    /// <summary>The page's script saving as one types: answered 204, or 422 when something typed was refused.</summary>
    public const string Autosave = "autosave";

    /// <summary>Three more blank lines; nothing is saved.</summary>
    public const string AddLines = "add";

    /// <summary>Save the performance report without submitting it.</summary>
    public const string Save = "save";

    /// <summary>Submit the performance report.</summary>
    public const string Submit = "submit";

    /// <summary>Check profile changes and show old against new; nothing is saved.</summary>
    public const string Review = "review";

    /// <summary>Write the confirmed profile changes back to the profile.</summary>
    public const string Confirm = "confirm";

    /// <summary>Back from the confirmation to the changes as typed.</summary>
    public const string Back = "back";
}
