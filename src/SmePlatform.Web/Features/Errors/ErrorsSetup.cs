using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Errors;

public static class ErrorsSetup
{
    /// <summary>The error pages (the status codes', and the busy page).</summary>
    public static IServiceCollection AddErrors(this IServiceCollection services) =>
        services.AddUseCasesIn(typeof(ErrorsSetup).Namespace!);
}
