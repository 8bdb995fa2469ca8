using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace SmePlatform.Web.Features.Errors;

/// <summary>Why a request was refused before it reached its page, or why it ended without an answer.</summary>
public enum RequestFailureReason
{
    /// <summary>The body, a field or a file is over its limit (413).</summary>
    TooLarge,

    /// <summary>More fields than a form may have (400).</summary>
    TooManyFields,

    /// <summary>A field holds a character a form cannot carry, such as NUL (400).</summary>
    InvalidCharacters,

    /// <summary>The body cannot be read as the form it says it is (400).</summary>
    Malformed,

    /// <summary>The client went away while its request was being read or answered (logged, nobody to answer).</summary>
    ClientGone,
}

/// <summary>A request refused for what the client sent (4xx), with the upload limits of the page it was sent to.</summary>
public sealed record RequestFailure(int StatusCode, RequestFailureReason Reason)
{
    /// <summary>The limits of the page the request was sent to, when it takes files.</summary>
    public UploadLimitsAttribute? Limits { get; init; }
}

/// <summary>
/// Names the limits of a page that takes files, so that a refused upload's page can say them (「ファイルは1つ10 MB以下…」).
/// The limits themselves are set by <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/>,
/// <see cref="Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute"/> and the page's own checks.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class UploadLimitsAttribute(long fileBytes, long totalBytes) : Attribute
{
    public long FileBytes { get; } = fileBytes;

    public long TotalBytes { get; } = totalBytes;
}

/// <summary>
/// What a client can get wrong in the body of a request, told apart from the portal's own failures: a form over the
/// size, field-count or character limits, a body that is not the form it claims to be, or a client that hung up. Each
/// is answered with its own status (400, 413) and page in the reader's language (<see cref="ErrorController"/>), or as
/// ProblemDetails under <c>/api</c>, and logged as what it is — a refused request (Warning) or a client gone
/// (Information) — never as a 500.
/// </summary>
public static class RequestFailures
{
    /// <summary>
    /// The largest body a form without files may send (30 MB, Kestrel's default for every request, so that the test
    /// server answers as production does); the pages that take files raise it with <c>[RequestFormLimits]</c>.
    /// </summary>
    public const long MultipartBodyLimitBytes = 30_000_000;

    /// <summary>The largest refused body read to its end so that a browser sees the 413 page (it reads no answer before it has sent all).</summary>
    public const long DiscardLimitBytes = 128L * 1024 * 1024;

    /// <summary>The status the exception handler answers an exception with: a client's 4xx, or 500 for the portal's own.</summary>
    public static int StatusCodeOf(Exception exception) => Classify(exception, context: null)?.StatusCode ?? StatusCodes.Status500InternalServerError;

    /// <summary>
    /// The failure an exception stands for, or null for one of the portal's own (a 500); without a request, an aborted
    /// one is not recognised. <paramref name="readingForm"/>: the exception came from reading this request's form, so every
    /// <see cref="InvalidDataException"/> is the client's.
    /// </summary>
    public static RequestFailure? Classify(Exception exception, HttpContext? context, bool readingForm = false)
    {
        if (IsClientGone(exception, context))
        {
            return new RequestFailure(StatusCodes.Status499ClientClosedRequest, RequestFailureReason.ClientGone);
        }

        return exception switch
        {
            BadHttpRequestException bad => new RequestFailure(
                bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? RequestFailureReason.TooLarge : RequestFailureReason.Malformed),
            InvalidDataException data when readingForm || ThrownReadingTheRequest(data) => OfFormReader(data),
            _ => null,
        };
    }

    /// <summary>
    /// The client hung up: the request was aborted, the connection reset, or the body ended before its declared length
    /// (Kestrel's "Unexpected end of request content").
    /// </summary>
    public static bool IsClientGone(Exception exception, HttpContext? context) => exception switch
    {
        ConnectionResetException => true,
        OperationCanceledException or IOException when context?.RequestAborted.IsCancellationRequested == true => true,
        BadHttpRequestException bad => context?.RequestAborted.IsCancellationRequested == true
            || bad.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// The request log's level: an exception that is the client's doing is a Warning (a refused body) or Information (a
    /// client gone), never an Error.
    /// </summary>
    public static LogEventLevel LevelOf(HttpContext context, Exception? exception) =>
        exception is not null && Classify(exception, context) is { } failure
            ? failure.Reason == RequestFailureReason.ClientGone ? LogEventLevel.Information : LogEventLevel.Warning
            : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
            : LogEventLevel.Information;

    /// <summary>The form limits for every page: a body without files over 30 MB is refused whatever the server.</summary>
    public static IServiceCollection AddRequestBodyLimits(this IServiceCollection services) =>
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = MultipartBodyLimitBytes);

    /// <summary>
    /// Reads a form body once, before the page and the antiforgery check do: a body over a limit, with too many fields,
    /// a NUL or not a form at all is answered here with 413 or 400 (the status-code page says which, and what to do),
    /// instead of failing deep inside the page or its antiforgery check. A client that hangs up while its request is read
    /// or answered is logged as such. Runs after routing (a page's own limits apply) and authorization (nobody's upload is
    /// read before they may send it); not on a re-executed error page.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
            if (!reExecuted && context.GetEndpoint() is { } endpoint && context.Request.HasFormContentType)
            {
                // A body declared larger than the page takes is refused without being kept: a client that asked
                // (Expect: 100-continue) gets the 413 page without sending the body at all; a browser, which reads the
                // answer only once it has sent the whole body, gets it after the body is read and thrown away (up to
                // 128 MB: past that the connection is closed after the answer).
                if (context.Request.ContentLength is { } declared && declared > BodyLimitOf(context, endpoint))
                {
                    try
                    {
                        await DiscardBodyAsync(context, declared);
                    }
                    catch (Exception error) when (IsClientGone(error, context))
                    {
                        Refuse(context, new RequestFailure(StatusCodes.Status499ClientClosedRequest, RequestFailureReason.ClientGone), error);
                        return;
                    }

                    Refuse(context, new RequestFailure(StatusCodes.Status413PayloadTooLarge, RequestFailureReason.TooLarge)
                    {
                        Limits = endpoint.Metadata.GetMetadata<UploadLimitsAttribute>(),
                    }, new BadHttpRequestException("The declared Content-Length is over the limit.", StatusCodes.Status413PayloadTooLarge));
                    return;
                }

                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception error) when (Classify(error, context, readingForm: true) is { } failure)
                {
                    Refuse(context, failure with { Limits = endpoint.Metadata.GetMetadata<UploadLimitsAttribute>() }, error);
                    return;
                }
            }

            try
            {
                await next(context);
            }
            catch (Exception error) when (IsClientGone(error, context))
            {
                Refuse(context, new RequestFailure(StatusCodes.Status499ClientClosedRequest, RequestFailureReason.ClientGone), error);
            }
        });

    /// <summary>Reads a refused body to its end without keeping it, when it is at most <see cref="DiscardLimitBytes"/> and the client has not asked to be told first.</summary>
    private static async Task DiscardBodyAsync(HttpContext context, long declared)
    {
        if (declared > DiscardLimitBytes || context.Request.Headers.Expect.Count > 0
            || context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } size)
        {
            return;
        }

        size.MaxRequestBodySize = declared;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The most a form body may be for this page: the server's request limit, and for multipart the form's.</summary>
    private static long BodyLimitOf(HttpContext context, Endpoint endpoint)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue;
        if (context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            var multipart = endpoint.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit
                ?? context.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value.MultipartBodyLengthLimit;
            // The parts' headers and boundaries come on top of the bodies the multipart limit counts.
            limit = Math.Min(limit, multipart + (64 * 1024));
        }

        return limit;
    }

    private static void Refuse(HttpContext context, RequestFailure failure, Exception error)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestFailures).FullName!);
        if (failure.Reason == RequestFailureReason.ClientGone)
        {
            // Nobody is there to read a page.
            logger.LogInformation("The client closed the connection before its request was answered ({ErrorType})", error.GetType().Name);
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        }
        else
        {
            logger.LogWarning("Request refused before it reached the page: {Reason}, answered {StatusCode} ({Detail})", failure.Reason, failure.StatusCode, error.Message);
        }

        context.Features.Set(failure);
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = failure.StatusCode;
        }
    }

    /// <summary>The form readers' limits in their words: a length over its limit is too large, a count too many fields.</summary>
    private static RequestFailure OfFormReader(InvalidDataException error)
    {
        var message = error.Message;
        if (message.Contains("value length limit", StringComparison.Ordinal) || message.Contains("key length limit", StringComparison.Ordinal)
            || message.Contains("body length limit", StringComparison.Ordinal))
        {
            return new RequestFailure(StatusCodes.Status413PayloadTooLarge, RequestFailureReason.TooLarge);
        }

        if (message.Contains("value count limit", StringComparison.Ordinal))
        {
            return new RequestFailure(StatusCodes.Status400BadRequest, RequestFailureReason.TooManyFields);
        }

        return new RequestFailure(
            StatusCodes.Status400BadRequest,
            message.Contains("invalid characters", StringComparison.Ordinal) ? RequestFailureReason.InvalidCharacters : RequestFailureReason.Malformed);
    }

    /// <summary>An <see cref="InvalidDataException"/> from ASP.NET Core's form and multipart readers, not one of the portal's own.</summary>
    private static bool ThrownReadingTheRequest(InvalidDataException error) =>
        error.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) == true;
}
