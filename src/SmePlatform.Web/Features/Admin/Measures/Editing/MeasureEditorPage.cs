namespace SmePlatform.Web.Features.Admin.Measures.Editing;

/// <summary>The editor's form and what its page shows beside it.</summary>
public sealed record MeasureEditorPage(MeasureForm Form, MeasureEditContext Context);
