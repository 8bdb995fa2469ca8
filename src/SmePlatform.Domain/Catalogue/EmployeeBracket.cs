namespace SmePlatform.Domain.Catalogue;

/// <summary>
/// The employee brackets of the jGrants public API (target_number_of_employees), DOMAIN.md §6.
/// A measure's employee limit falls in exactly one bracket.
/// </summary>
public enum EmployeeBracket
{
    NoLimit,
    UpTo5,
    UpTo20,
    UpTo50,
    UpTo100,
    UpTo300,
    UpTo900,
    Over900,
}

public static class EmployeeBrackets
{
    /// <summary>The jGrants value of each bracket, as its API writes it.</summary>
    public static string JGrantsValue(EmployeeBracket bracket) => bracket switch
    {
        EmployeeBracket.NoLimit => "従業員数の制約なし",
        EmployeeBracket.UpTo5 => "5名以下",
        EmployeeBracket.UpTo20 => "20名以下",
        EmployeeBracket.UpTo50 => "50名以下",
        EmployeeBracket.UpTo100 => "100名以下",
        EmployeeBracket.UpTo300 => "300名以下",
        EmployeeBracket.UpTo900 => "900名以下",
        _ => "901名以上",
    };

    /// <summary>The bracket of a measure whose eligible businesses have at most <paramref name="maxEmployees"/> (null: no limit).</summary>
    public static EmployeeBracket ForLimit(int? maxEmployees) => maxEmployees switch
    {
        null => EmployeeBracket.NoLimit,
        <= 5 => EmployeeBracket.UpTo5,
        <= 20 => EmployeeBracket.UpTo20,
        <= 50 => EmployeeBracket.UpTo50,
        <= 100 => EmployeeBracket.UpTo100,
        <= 300 => EmployeeBracket.UpTo300,
        <= 900 => EmployeeBracket.UpTo900,
        _ => EmployeeBracket.Over900,
    };

    /// <summary>The employee limit a bracket stands for (its upper bound); null for no limit and for 901 or more.</summary>
    public static int? Limit(EmployeeBracket bracket) => bracket switch
    {
        EmployeeBracket.UpTo5 => 5,
        EmployeeBracket.UpTo20 => 20,
        EmployeeBracket.UpTo50 => 50,
        EmployeeBracket.UpTo100 => 100,
        EmployeeBracket.UpTo300 => 300,
        EmployeeBracket.UpTo900 => 900,
        _ => null,
    };
}
