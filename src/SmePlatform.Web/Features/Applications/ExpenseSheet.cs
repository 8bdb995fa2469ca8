using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// An application's project period, amount requested and planned expense lines (経費明細), for the one rendering
/// (<c>_Expenses.cshtml</c>) that the check page, the receipt and the reviewer share: on the check page what the application
/// holds now, with a link to change it; on the receipt and the reviewer's page what was submitted (the content frozen with
/// its hash), whatever has changed since.
/// </summary>
/// <param name="ProjectStart">The project's first day, if given.</param>
/// <param name="ProjectEnd">The project's last day, if given.</param>
/// <param name="RequestedYen">The amount requested, if given.</param>
/// <param name="Lines">The planned expense lines, in their order.</param>
/// <param name="ChangeLinks">The application whose expenses step the check page links to; null on the other pages.</param>
public sealed record ExpenseSheet(DateOnly? ProjectStart, DateOnly? ProjectEnd, long? RequestedYen, IReadOnlyList<ExpenseLineContent> Lines, ApplicationFile? ChangeLinks = null)
{
    /// <summary>What was submitted (the receipt, the reviewer).</summary>
    public static ExpenseSheet Submitted(SubmittedContent content) => new(content.ProjectStart, content.ProjectEnd, content.RequestedYen, content.Expenses);

    /// <summary>What the application holds now, with a link to change it (the check page).</summary>
    public static ExpenseSheet Current(ApplicationFile file) =>
        new(file.Application.ProjectStart, file.Application.ProjectEnd, file.Application.RequestedYen, file.ExpenseLines, file);

    /// <summary>The lines' total.</summary>
    public long TotalYen => Domain.Yen.Sum(Lines.Select(l => l.AmountYen));
}
