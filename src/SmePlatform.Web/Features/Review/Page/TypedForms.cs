using SmePlatform.Web.Features.Review.Decide;
using SmePlatform.Web.Features.Review.Grant;
using SmePlatform.Web.Features.Review.Payment;
using SmePlatform.Web.Features.Review.Report;

namespace SmePlatform.Web.Features.Review.Page;

/// <summary>What the person typed in a form that did not go through, shown back on the page (the other forms start fresh).</summary>
public sealed record TypedForms
{
    public static readonly TypedForms None = new();

    public DecisionForm? Decision { get; init; }

    public GrantForm? Grant { get; init; }

    public ReportDecisionForm? Report { get; init; }

    public PaymentForm? Payment { get; init; }
}
