namespace SmePlatform.Domain.Catalogue;

/// <summary>What kind of support a measure gives (支援策の種類).</summary>
public enum MeasureKind
{
    Subsidy,
    Loan,
    TaxMeasure,
    Certification,
    Advice,
    Other,
}

/// <summary>The fixed, translatable list of purposes a measure serves and a business pursues.</summary>
public enum Purpose
{
    EquipmentInvestment,
    ItDx,
    SalesChannels,
    SuccessionMna,
    ResearchDevelopment,
    OverseasExpansion,
    HiringTraining,
    WageIncrease,
    EnergySavingGx,
    StartUp,
    CashFlow,
    DisasterResilience,
}

public static class MeasureKinds
{
    /// <summary>
    /// Whether a kind of measure pays a share of costs under terms (a rate, a maximum, a minimum): subsidies and other
    /// grants do; a loan has a loan limit, and tax measures, certifications and advice have no amounts.
    /// </summary>
    public static bool HasTerms(this MeasureKind kind) => kind is MeasureKind.Subsidy or MeasureKind.Other;
}

public enum MeasureStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>Which size of business a measure is for.</summary>
public enum SizeClassTarget
{
    Any,
    Sme,
    SmallScale,
}

/// <summary>Where a measure's acceptance window stands at a given instant.</summary>
public enum AcceptanceState
{
    /// <summary>No window is set (for example a standing loan or an advice service).</summary>
    Always,
    Upcoming,
    Open,
    Closed,
}

public static class Acceptance
{
    public static AcceptanceState At(DateTime? startUtc, DateTime? endUtc, DateTime nowUtc) =>
        (startUtc, endUtc) switch
        {
            (null, null) => AcceptanceState.Always,
            ({ } start, _) when nowUtc < start => AcceptanceState.Upcoming,
            (_, { } end) when nowUtc >= end => AcceptanceState.Closed,
            _ => AcceptanceState.Open,
        };

    public static bool IsAccepting(AcceptanceState state) => state is AcceptanceState.Open or AcceptanceState.Always;
}
