using FluentValidation.Results;

namespace SmePlatform.Web.Features.Review;

/// <summary>
/// A failure no page lets a person make: a value the form never offers (a flag decision other than confirm or
/// dismiss, an assignee who is not a reviewer). The answer is 400, not the page again with a message.
/// </summary>
public static class Unreadable
{
    /// <summary>The error code such a failure carries.</summary>
    public const string Code = "Review.Unreadable";

    /// <summary>Whether the failures include one no page lets a person make.</summary>
    public static bool Among(IEnumerable<ValidationFailure> failures) => failures.Any(f => f.ErrorCode == Code);
}
