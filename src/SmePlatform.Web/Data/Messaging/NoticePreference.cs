namespace SmePlatform.Web.Data.Messaging;

/// <summary>What a person wants to be told: an email digest of new matches, and purposes or measures muted.</summary>
public class NoticePreference
{
    public string UserId { get; set; } = "";

    /// <summary>A daily email listing the measures newly matched since the last one.</summary>
    public bool EmailDigest { get; set; }

    /// <summary>Purposes (names, comma-separated) whose measures are not pushed; a measure is muted when all its purposes are.</summary>
    public string MutedPurposes { get; set; } = "";

    /// <summary>Measure ids (comma-separated) not to be pushed again (already-sent notices stay).</summary>
    public string MutedMeasures { get; set; } = "";

    /// <summary>The creation instant of the newest notice the last digest covered.</summary>
    public DateTime? DigestedUpToUtc { get; set; }

    public IReadOnlySet<Domain.Catalogue.Purpose> MutedPurposeSet =>
        MutedPurposes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => Enum.TryParse<Domain.Catalogue.Purpose>(p, out var purpose) ? purpose : (Domain.Catalogue.Purpose?)null)
            .OfType<Domain.Catalogue.Purpose>().ToHashSet();

    public IReadOnlySet<int> MutedMeasureSet =>
        MutedMeasures.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToHashSet();

    /// <summary>Whether a measure with these purposes is muted for this person.</summary>
    public bool Mutes(int measureId, IReadOnlyCollection<Domain.Catalogue.Purpose> purposes)
    {
        var muted = MutedPurposeSet;
        return MutedMeasureSet.Contains(measureId) || (purposes.Count > 0 && muted.Count > 0 && purposes.All(muted.Contains));
    }
}
