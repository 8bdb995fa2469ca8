using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Catalogue;

/// <summary>
/// A measure's terms in words, for the catalogue, the editor, the applicant's check and the reviewer: a row's
/// conditions as a person reads them (「小規模事業者」「6〜20人」「補助額50万円超の部分」) and what it gives.
/// </summary>
public static class TermsText
{
    public static string Track(IStringLocalizer t, SubsidyTerms terms, string? key) =>
        key is null ? t["Terms.AllTracks"] : terms.TrackOf(key) is { } track ? Display.Text(track.NameJa, track.NameEn) : key;

    public static string TopUp(SubsidyTerms terms, string key) =>
        terms.TopUpOf(key) is { } topUp ? Display.Text(topUp.NameJa, topUp.NameEn) : key;

    public static string Size(IStringLocalizer t, SizeCondition size) => t["Terms.Size." + size];

    /// <summary>「すべて」「5人以下」「6〜20人」「51人以上」.</summary>
    public static string Employees(IStringLocalizer t, TermsRow row) => (row.MinEmployees, row.MaxEmployees) switch
    {
        (null or 0, null) => t["Terms.Employees.Any"],
        (null or 0, { } max) => t["Terms.Employees.AtMost", max],
        ({ } min, null) => t["Terms.Employees.AtLeast", min],
        ({ } min, { } max) => t["Terms.Employees.Between", min, max],
    };

    /// <summary>A row's conditions in a few words (「製品・サービス高付加価値化枠、小規模事業者、6〜20人」), or 「すべての申請者」.</summary>
    public static string Conditions(IStringLocalizer t, SubsidyTerms terms, TermsRow row)
    {
        var parts = new List<string>();
        if (row.Track is not null)
        {
            parts.Add(Track(t, terms, row.Track));
        }

        if (row.Size != SizeCondition.Any)
        {
            parts.Add(Size(t, row.Size));
        }

        if (row.HasEmployeeBracket)
        {
            parts.Add(Employees(t, row));
        }

        return parts.Count == 0 ? t["Terms.AnyApplicant"] : string.Join(t["List.Separator"].Value, parts);
    }

    /// <summary>What a top-up row does: 「補助率を 2/3以内 に引上げ」「上限額を 1,000,000円 引上げ」, or both.</summary>
    public static string Effect(IStringLocalizer t, TermsRow row) => string.Join(t["List.Separator"].Value, new[]
    {
        row.Rate is { } rate ? t["Terms.TopUpRate", Rate(t, rate)].Value : null,
        row.RaiseMaxYen is { } raise ? t["Terms.TopUpRaise", Display.Yen(raise)].Value : null,
    }.OfType<string>());

    /// <summary>The part of the subsidy a band row's rate pays: 「補助額50万円以下の部分」, or nothing for an unbanded row.</summary>
    public static string? Band(IStringLocalizer t, TermsRow row, bool banded) => !banded
        ? null
        : row.BandFromYen == 0
            ? t["Terms.Band.UpTo", Display.Yen(row.MaxYen ?? 0)].Value
            : row.MaxYen is { } max ? t["Terms.Band.Between", Display.Yen(row.BandFromYen), Display.Yen(max)].Value : t["Terms.Band.Above", Display.Yen(row.BandFromYen)].Value;

    /// <summary>「2/3以内」, or 「定額」 where a row pays the whole eligible cost up to its maximum.</summary>
    public static string Rate(IStringLocalizer t, SubsidyRate? rate) => rate is { } r ? t["Terms.Rate", r.Numerator, r.Denominator] : t["Terms.RateNone"];

    /// <summary>The rates of applied terms: one, or each band's (「補助額50万円以下の部分 4/5以内、…」).</summary>
    public static string Rates(IStringLocalizer t, AppliedTerms applied) => applied.Bands.Count == 1
        ? Rate(t, applied.RateOf(applied.Bands[0]))
        : string.Join(t["List.Separator"].Value, applied.Bands.Select(b => $"{Band(t, b, true)} {Rate(t, applied.RateOf(b))}"));

    public static string Rounding(IStringLocalizer t, long unit) => t["Terms.Rounding", Display.Yen(unit)];

    public static string Basis(IStringLocalizer t, CostBasis basis) => t["Terms.Basis." + basis];

    /// <summary>Whether a base row is one of several amount bands of its bracket.</summary>
    public static bool IsBanded(SubsidyTerms terms, TermsRow row) =>
        !row.IsTopUp && terms.Rows.Count(r => !r.IsTopUp && r.Track == row.Track && r.Size == row.Size && r.MinEmployees == row.MinEmployees && r.MaxEmployees == row.MaxEmployees) > 1;
}

/// <summary>A measure's terms as the public page, the editor and the reviewer show them; <paramref name="Id"/> makes the tables' ids unique on the page.</summary>
public sealed record TermsTableModel(SubsidyTerms Terms, bool NeedsReview, string Id);
