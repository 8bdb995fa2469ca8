using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>A business's self-check page: the latest assessment, the history, the remedies and the questionnaire.</summary>
public sealed record SelfCheckPage(
    int BusinessId, string BusinessName, AssessmentView? Latest, IReadOnlyList<Assessment> History, IReadOnlyList<Remedy> Remedies,
    NonFinancialForm Answers, bool HasIndustry, DateTime NowUtc);
