using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Applications.Sections;

/// <summary>One section of the measure's form: its fields with the answers and files saved.</summary>
public sealed record SectionPage(ApplicationFile File, FormSection Section);
