using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review;

public static class ReviewSetup
{
    /// <summary>Review: the queue, one application's checks and decisions, the grant, the report's check and the payment.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services) =>
        services.AddUseCasesIn(typeof(ReviewSetup).Namespace!);
}
