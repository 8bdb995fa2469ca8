using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Features.Admin.SelfCheck.Overview;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.SelfCheck.ThresholdEditing;

/// <summary>
/// The page that loads or changes an indicator's thresholds for an industry: what is on record, and the form (as on
/// record, or as typed when it comes back with a message). Null when the industry or the indicator is not one.
/// </summary>
public sealed class ThresholdEditQuery(BenchmarkOverviewQuery overview) : IUseCase
{
    public async Task<ThresholdEditPage?> HandleAsync(string industry, string indicator, ThresholdForm? typed = null)
    {
        if (await overview.IndustryAsync(industry) is not { } coverage || Parse(indicator) is not { } which)
        {
            return null;
        }

        var row = coverage.Rows.GetValueOrDefault(which);
        return new ThresholdEditPage(coverage, which, row, typed ?? ThresholdForm.From(row));
    }

    /// <summary>An indicator by its name as the address spells it; numbers are not names.</summary>
    public static Indicator? Parse(string indicator) =>
        Enum.TryParse<Indicator>(indicator, ignoreCase: false, out var which) && Enum.IsDefined(which) && !indicator.All(char.IsAsciiDigit) ? which : null;
}
