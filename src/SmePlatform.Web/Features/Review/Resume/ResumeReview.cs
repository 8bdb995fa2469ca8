using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Resume;

/// <summary>
/// Resumes the review of a resubmitted application, for the reviewer it is assigned to (who stays assigned), against
/// the version shown; recorded and audited like any move (<see cref="ApplicationMoves.ResumeAsync"/>).
/// </summary>
public sealed class ResumeReviewHandler(ApplicationStore store, ApplicationMoves moves) : IUseCase
{
    /// <param name="applicationId">The application.</param>
    /// <param name="version">Its version the page showed.</param>
    /// <param name="userId">The signed-in reviewer.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public async Task<Outcome<Unit>> HandleAsync(int applicationId, int version, string userId, CancellationToken cancellationToken = default)
    {
        if (await store.LoadForStaffAsync(applicationId, tracked: true, cancellationToken) is not { } file)
        {
            return Outcome.NotFound;
        }

        return MoveAnswer.Of(await moves.ResumeAsync(file, version, userId));
    }
}
