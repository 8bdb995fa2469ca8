using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Sections;

/// <summary>A section of the application's form; null for another business's application or a section the form does not have (404).</summary>
public sealed class SectionQuery(ApplicationStore store) : IUseCase
{
    public async Task<SectionPage?> RunAsync(int businessId, int applicationId, string section, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is { } file && file.Form.Sections.FirstOrDefault(s => s.Key == section) is { } found
            ? new SectionPage(file, found)
            : null;
}
