namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>The self-check on typed figures: the form, and the assessment once they pass.</summary>
public sealed record TryPage(TryForm Form, AssessmentView? Result);
