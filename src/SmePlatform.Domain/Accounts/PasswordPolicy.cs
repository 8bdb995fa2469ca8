using System.Text;

namespace SmePlatform.Domain.Accounts;

/// <summary>Why a password is refused.</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,
    Common,
}

/// <summary>
/// Password rules in the spirit of NIST SP 800-63B and OWASP ASVS 5: a length window counted in
/// Unicode code points, no composition rules, and a refusal of passwords that are known to be common.
/// </summary>
public sealed class PasswordPolicy(IReadOnlySet<string> commonPasswords)
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Loads the shipped common-password list: one password a line.</summary>
    public static PasswordPolicy FromLines(IEnumerable<string> lines)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                set.Add(Fold(line.Trim()));
            }
        }

        return new PasswordPolicy(set);
    }

    public int CommonPasswordCount => commonPasswords.Count;

    public IReadOnlyList<PasswordProblem> Check(string password)
    {
        var problems = new List<PasswordProblem>();
        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            problems.Add(PasswordProblem.TooShort);
        }
        else if (length > MaximumLength)
        {
            problems.Add(PasswordProblem.TooLong);
        }

        if (commonPasswords.Contains(Fold(password)))
        {
            problems.Add(PasswordProblem.Common);
        }

        return problems;
    }

    // Compare as people type: full-width and half-width alike, case ignored.
    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
