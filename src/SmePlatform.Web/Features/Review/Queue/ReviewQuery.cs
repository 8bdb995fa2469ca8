using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Review.Queue;

/// <summary>The queue's filters, as the query string carries them.</summary>
/// <param name="Measure">Only this measure's applications.</param>
/// <param name="Status">Only this status (otherwise every open one).</param>
/// <param name="Assignee"><see cref="Me"/>, <see cref="Nobody"/>, or a reviewer's id.</param>
/// <param name="OlderThanDays">Only those submitted more than this many days ago.</param>
/// <param name="Flag">Only applications with an open integrity flag: <see cref="AnyFlag"/>, or one rule's name.</param>
/// <param name="Page">The page, from 1.</param>
public sealed record ReviewQuery(int? Measure, ApplicationStatus? Status, string? Assignee, int? OlderThanDays, string? Flag = null, int Page = 1)
{
    public const string AnyFlag = "any";

    /// <summary>The assignee filter for the signed-in reviewer's own applications.</summary>
    public const string Me = "me";

    /// <summary>The assignee filter for applications nobody has taken.</summary>
    public const string Nobody = "none";

    public const int PageSize = 50;
    public const int CountLimit = 1000;
}
