namespace SmePlatform.Web.Features.Applications.Expenses;

/// <param name="File">The application.</param>
/// <param name="Form">The step's fields as typed or saved.</param>
/// <param name="Terms">The measure's terms applied to the application as saved (the track and top-ups before this post), on the lines shown.</param>
public sealed record ExpensesPage(ApplicationFile File, ExpensesForm Form, AppliedTermsModel Terms);
