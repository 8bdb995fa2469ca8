namespace SmePlatform.Web.Infrastructure.Email;

public static class EmailSetup
{
    public static IServiceCollection AddPlatformEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<PublicBaseUrl>();
        var delivery = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.Delivery ?? EmailDelivery.PickupFolder;
        if (delivery == EmailDelivery.Smtp)
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }

        return services;
    }
}
