using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>
/// Sign-in and password-reset endpoints answer 429 past a limit of requests, partitioned by client address and by
/// the account typed, so one person's attempts never block another's (docs/adr/0004). Failed sign-ins are throttled
/// besides, per client address, for the whole portal and per account (<see cref="SignInCeilings"/>,
/// <c>Features/Accounts/PasswordSignIn</c>).
/// </summary>
public static class RateLimiting
{
    public const string Authentication = "authentication";
    private const string AccountKey = "rate-limit-account";

    public sealed class AuthenticationLimitOptions
    {
        public int PermitLimit { get; set; } = 10;
        public int WindowSeconds { get; set; } = 60;
    }

    public static IServiceCollection AddPlatformRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottlingOptions>()
            .Bind(configuration.GetSection(SignInThrottlingOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInThrottlingOptions>, SignInThrottlingOptions.Validation>();
        services.AddSingleton<SignInCeilings>();
        var limits = configuration.GetSection("RateLimiting:Authentication").Get<AuthenticationLimitOptions>() ?? new();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // When to try again, for browsers and scripts alike: the rest of the window at most.
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(limits.WindowSeconds);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Authentication, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                }));
        });
        return services;
    }

    /// <summary>
    /// Finds the account a rate-limited attempt is about before the limiter runs (its partitioner cannot
    /// await): the email typed, the user id of a reset link, or the person half-way through a two-factor
    /// sign-in. The form is buffered, so model binding reads it again for free.
    /// </summary>
    public static IApplicationBuilder UseAuthenticationAttemptKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limited = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Authentication;
            if (limited && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                context.Items[AccountKey] = await AccountOfAttemptAsync(context);
            }

            await next(context);
        });

    private static async Task<string> AccountOfAttemptAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form["Email"].ToString().Trim();
        if (email.Length > 0)
        {
            return "email:" + email.ToUpperInvariant();
        }

        var userId = form["UserId"].ToString();
        if (userId.Length > 0)
        {
            return "user:" + userId;
        }

        var twoFactor = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return "user:" + twoFactor.Principal?.FindFirstValue(ClaimTypes.Name);
    }

    private static string PartitionKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        var account = context.Items.TryGetValue(AccountKey, out var value) ? value as string : null;
        return $"{address}|{account}";
    }
}
