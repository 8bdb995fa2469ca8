using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;

namespace SmePlatform.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public static IServiceCollection AddPlatformLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures.Japanese)
                .AddSupportedCultures([.. Cultures.Supported])
                .AddSupportedUICultures([.. Cultures.Supported]);
            // Japanese unless the person chose otherwise: the browser's language is not asked.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });

        // Model-binding messages ("the value is not valid") in the person's language.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var localizer = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueMustNotBeNullAccessor(_ => localizer["Validation.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => localizer["Validation.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => localizer["Validation.Required"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation.Required"]);
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => localizer["Validation.InvalidValue"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => localizer["Validation.InvalidValue"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => localizer["Validation.InvalidValue"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation.InvalidValue"]);
            messages.SetValueIsInvalidAccessor(_ => localizer["Validation.InvalidValue"]);
            messages.SetValueMustBeANumberAccessor(_ => localizer["Validation.MustBeNumber"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation.MustBeNumber"]);
        });
        return services;
    }

    /// <summary>
    /// Request localization, and a language chosen by link (<c>?culture=en</c>) is remembered like one chosen
    /// with the switch, so the next page and the next form post keep it.
    /// </summary>
    public static IApplicationBuilder UsePlatformRequestLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            var requested = context.Request.Query["culture"].ToString();
            if (Cultures.IsSupported(requested))
            {
                RememberCulture(context, requested);
            }

            return next(context);
        });
    }

    /// <summary>Sets the language cookie for a year.</summary>
    public static void RememberCulture(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                Secure = context.Request.IsHttps,
            });

    /// <summary>View localization and data-annotation display names, all from SharedResource.</summary>
    public static IMvcBuilder AddPlatformViewLocalization(this IMvcBuilder mvc) =>
        mvc.AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
}
