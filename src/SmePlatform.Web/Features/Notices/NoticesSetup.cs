using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Notices;

public static class NoticesSetup
{
    /// <summary>The outbox and its dispatcher (in-app notices, emails, match jobs, digests), and the inbox.</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Outbox>();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<PushMatcher>();
        // A profile change (a domain event in the outbox) starts the matching of the measures that may now fit.
        services.AddScoped<Data.Messaging.IDomainEventHandler, ProfileChangedPush>();
        services.AddScoped<NoticeDigest>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services.AddUseCasesIn(typeof(NoticesSetup).Namespace!);
    }
}
