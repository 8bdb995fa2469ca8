using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Accounts;
using SmePlatform.Web.Features.Admin.Measures;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Dashboard;
using SmePlatform.Web.Features.Errors;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Features.OpenData;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Features.SelfCheck;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Email;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.Logging;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.Sessions;
using SmePlatform.Web.Infrastructure.UseCases;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Infrastructure;

/// <summary>The portal's composition: every service it registers and the order requests pass through.</summary>
public static class PlatformSetup
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddPlatformLogging();
        builder.AddPlatformDatabase();

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<AuditLog>();
        var referenceFolder = Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData");
        var reference = ReferenceCatalog.Load(referenceFolder);
        services.AddSingleton(reference);
        services.AddSingleton(JGrantsVocabulary.Load(reference, referenceFolder));
        services.AddSingleton(SmeDefinitionFile.Load(referenceFolder));
        services.AddSingleton(provider => new EligibilityEngine(provider.GetRequiredService<SmeDefinition>(), reference.MajorOf));
        services.AddSingleton<Recommender>();
        services.AddSingleton<Recommendations>();
        services.AddScoped<ApplicantFactsReader>();
        services.AddScoped<SelfCheckReader>();
        services.AddScoped<ApplicationStatistics>();
        services.AddSingleton<ApplicationFacts>();
        services.AddHostedService<ApplicationFactsWarmUp>();
        services.AddScoped<Features.Integrity.IntegrityInspector>();
        services.AddScoped<Features.Integrity.IntegrityQueue>();
        services.AddSingleton<Features.Integrity.IntegrityQueueSignal>();
        services.Configure<Features.Integrity.IntegrityQueueOptions>(builder.Configuration.GetSection(Features.Integrity.IntegrityQueueOptions.Section));
        services.AddHostedService<Features.Integrity.IntegrityQueueWorker>();
        services.AddScoped<Features.Integrity.IntegrityScanner>();
        services.AddSingleton<Features.Integrity.IntegrityScanService>();
        services.AddHostedService(provider => provider.GetRequiredService<Features.Integrity.IntegrityScanService>());
        services.AddSignalR();
        services.AddSingleton<DashboardSignal>();
        services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
        services.Configure<Features.Info.SiteOptions>(builder.Configuration.GetSection(Features.Info.SiteOptions.Section));
        services.AddScoped<ReasonText>();
        services.AddSingleton(new PostalCodeDirectory(Path.Combine(referenceFolder, "postal"), reference));
        services.AddScoped<ProfileHistory>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<BusinessExport>();
        services.AddScoped<ProfilePrefill>();
        services.AddScoped<ProfileWriteBack>();
        services.AddSingleton<CatalogueIndex>();
        services.AddScoped<MeasureImporter>();
        services.AddScoped<ApplicationStore>();
        services.AddScoped<ApplicationSubmitter>();
        services.AddSingleton<WriteGate>();
        services.AddScoped<ApplicationMoves>();
        services.AddScoped<Outbox>();
        services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<PushMatcher>();
        services.AddScoped<IDomainEventHandler, ProfileChangedPush>();
        services.AddScoped<NoticeDigest>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddPlatformLocalization();
        services.AddPlatformIdentity();
        services.AddPlatformSessions(builder.Configuration);
        services.AddPlatformAuthorization();
        services.AddPlatformRateLimiting(builder.Configuration);
        services.AddPlatformEmail(builder.Configuration);
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped);
        // Every feature's use cases (ADR 0016); each feature's own setup takes this over as the features get one.
        services.AddUseCasesIn("SmePlatform.Web.Features");

        // Japanese is written as text, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Conventions.Add(new FeatureConvention());
                // FluentValidation is the only source of "required" messages.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddPlatformViewLocalization();
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        services.AddProblemDetails();
        services.AddRequestBodyLimits();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<SmeDbContext>("database", tags: ["ready"])
            .AddCheck<DatabaseWritesHealthCheck>(DatabaseWritesHealthCheck.Name, tags: ["ready"]);

        if (!IsLocal(builder.Environment))
        {
            services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        }

        // Behind a proxy: who the client is and whether it came by HTTPS, from the configured proxies only; Secure cookies.
        services.AddPlatformProxy(builder.Configuration, IsLocal(builder.Environment));

        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Links in emails need the portal's public address: a bad or (in Production) missing one stops the start here.
        app.Services.GetRequiredService<PublicBaseUrl>().Validate();
        // First: the client's address and scheme as the configured proxy saw them (ProxySetup), for everything after.
        app.UseForwardedHeaders();
        if (!IsLocal(app.Environment))
        {
            app.UseCookiePolicy();
        }

        app.UseCorrelationId();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // The language is settled once, before any error page is re-executed, so error pages speak it too.
        app.UsePlatformRequestLocalization();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // A body the client got wrong is a 400 or 413 (the page says what to do), a client gone is not an error.
            StatusCodeSelector = exception => RequestFailures.StatusCodeOf(exception),
            SuppressDiagnosticsCallback = context => RequestFailures.Classify(context.Exception, context.HttpContext) is not null,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!IsLocal(app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            // Files linked with asp-append-version carry a content hash (?v=): cache them for a year.
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Query.ContainsKey("v"))
                {
                    context.Context.Response.Headers.CacheControl = "public,max-age=31536000,immutable";
                }
            },
        });
        app.UsePlatformRequestLogging();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestBodyGuard();
        app.UseAuthenticationAttemptKeys();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapControllers();
        app.MapHub<DashboardHub>(DashboardHub.Path);
        return app;
    }

    private static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    private static IServiceCollection AddPlatformIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                // Identity's lockout counts wrong security codes and recovery codes only, which come after the right
                // password; wrong passwords make the address wait instead (PasswordSignIn, SignInThrottling), so
                // nobody can lock an account without its password.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Length and the common-password list are checked by CommonPasswordValidator (NIST SP 800-63B);
                // no composition rules.
                options.Password.RequiredLength = PasswordPolicyValidator.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddEntityFrameworkStores<SmeDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordPolicyValidator>();
        // Identity's own length/composition validator is replaced by ours, so each rule speaks once.
        services.RemoveAll<IPasswordValidator<ApplicationUser>>(typeof(PasswordValidator<ApplicationUser>));
        services.AddSingleton(PasswordPolicyValidator.LoadPolicy());
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(24));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/error/403";
            options.Cookie.Name = "sme.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A real 403, shown by the friendly error page, not a redirect to one.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = async context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                // A step of an application posted after the session expired: what was typed is kept across sign-in.
                if (await FormRescue.TryRescueAsync(context))
                {
                    return;
                }

                context.Response.Redirect(context.RedirectUri);
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => options.Cookie.Name = "sme.2fa");
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sme.af";
            options.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    private static void RemoveAll<TService>(this IServiceCollection services, Type implementation)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(TService) && d.ImplementationType == implementation).ToList())
        {
            services.Remove(descriptor);
        }
    }
}
