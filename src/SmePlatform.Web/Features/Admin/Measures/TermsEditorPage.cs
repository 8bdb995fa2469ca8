using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>The terms editor: the measure and its terms as rows to type into.</summary>
public sealed record TermsEditorPage(SupportMeasure Measure, TermsForm Form);
