using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Recommendations;

public static class RecommendationsSetup
{
    /// <summary>The recommendations and the quick eligibility check, with the applicant's facts they read and the reasons' wording (ADR 0011).</summary>
    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddSingleton<Recommender>();
        services.AddSingleton<Recommendations>();
        services.AddScoped<ApplicantFactsReader>();
        services.AddScoped<ReasonText>();
        services.AddScoped<IEligibleBusinesses, EligibleBusinesses>();
        return services.AddUseCasesIn(typeof(RecommendationsSetup).Namespace!);
    }
}
