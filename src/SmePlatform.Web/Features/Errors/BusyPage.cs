using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Errors;

/// <summary>
/// The "busy, try again" page: a write waited its bound for the database and did not get through (<see cref="DatabaseBusy"/>).
/// When a form was posted, what was typed comes back in a form that sends it again to the same address (with a fresh
/// antiforgery token), never passwords or codes; files cannot be kept.
/// </summary>
/// <param name="CorrelationId">The request's correlation id, for the help desk.</param>
/// <param name="ResendTo">Where the form was posted (a local path with its query), or null when nothing was posted.</param>
/// <param name="Fields">The posted fields to send again.</param>
/// <param name="FilesDropped">Files were attached: they are not kept.</param>
/// <param name="SecretsDropped">A password or code was typed: it is not written back into the page.</param>
/// <param name="RetryAfterSeconds">When to try again (also the Retry-After header).</param>
public sealed record BusyPage(
    string CorrelationId, string? ResendTo, IReadOnlyList<KeyValuePair<string, string>> Fields, bool FilesDropped, bool SecretsDropped, int RetryAfterSeconds);
