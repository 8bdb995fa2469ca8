namespace SmePlatform.Domain.SelfCheck;

/// <summary>The Local Benchmark's four non-financial viewpoints (非財務の4つの視点).</summary>
public enum Viewpoint
{
    /// <summary>経営者への着目.</summary>
    Management,

    /// <summary>事業への着目.</summary>
    Business,

    /// <summary>企業を取り巻く環境・関係者への着目.</summary>
    Environment,

    /// <summary>内部管理体制への着目.</summary>
    InternalControl,
}

/// <summary>The short questionnaire: two questions per viewpoint, answered in the business's own words.</summary>
public static class NonFinancial
{
    public const int MaxAnswerLength = 1000;

    /// <summary>The questions' keys by viewpoint, in the order asked; a key names the answer where it is kept.</summary>
    public static readonly IReadOnlyList<(Viewpoint Viewpoint, string Key)> Questions =
    [
        (Viewpoint.Management, "Vision"),
        (Viewpoint.Management, "Succession"),
        (Viewpoint.Business, "Strengths"),
        (Viewpoint.Business, "Weaknesses"),
        (Viewpoint.Environment, "Market"),
        (Viewpoint.Environment, "Relationships"),
        (Viewpoint.InternalControl, "Organisation"),
        (Viewpoint.InternalControl, "PeopleDevelopment"),
    ];

    public static bool IsQuestion(string key) => Questions.Any(q => q.Key == key);
}
