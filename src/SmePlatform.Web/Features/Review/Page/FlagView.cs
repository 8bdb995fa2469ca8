using System.Globalization;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Review.Page;

/// <summary>A flag as the review page shows it: its explanation in words, the other application's number, the other businesses' names.</summary>
public sealed record FlagView(IntegrityFlag Flag, string Explanation, string? OtherNumber, IReadOnlyList<LineMatch> Lines, IReadOnlyList<string> OtherBusinesses)
{
    /// <summary>The name of the flag's reason field (unique on the page: one form per flag).</summary>
    public string ReasonField => ReasonFieldOf(Flag.Id);

    /// <summary>The name of a flag's reason field: <c>Flag{id}.Reason</c>.</summary>
    public static string ReasonFieldOf(long flagId) => string.Create(CultureInfo.InvariantCulture, $"Flag{flagId}.Reason");
}
