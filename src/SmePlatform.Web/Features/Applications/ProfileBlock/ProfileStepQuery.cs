using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.ProfileBlock;

/// <summary>
/// The profile block with the profile's current values (<see cref="ProfilePrefill"/>); null for another business's
/// application, or, when <c>editableOnly</c> (the page that changes them), one that can no longer be edited.
/// </summary>
public sealed class ProfileStepQuery(ApplicationStore store, ProfilePrefill prefill) : IUseCase
{
    public async Task<ProfileStepPage?> RunAsync(int businessId, int applicationId, bool editableOnly = false, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is { } file && (file.IsEditable || !editableOnly)
            ? new ProfileStepPage(file, await prefill.ValuesAsync(file.Business, cancellationToken))
            : null;
}
