namespace SmePlatform.Web.Data;

/// <summary>
/// The run of failed sign-ins on one email address typed at the sign-in page, whether or not an account has that
/// address, so that an address without an account is slowed down alike and the answer tells nobody which addresses
/// have one: how many failures in a row, when the last was, and when the account's owner was told of the run (once a
/// run). Named by the SHA-256 of the normalized address, not by the address. A successful sign-in or a password reset
/// ends the run; failures older than <c>SignInThrottling:Account:ForgetAfterMinutes</c> are forgotten, and their rows
/// deleted.
/// </summary>
public class SignInThrottle
{
    public const int KeyLength = 64;

    /// <summary>The SHA-256 of the normalized email address, in upper-case hexadecimal.</summary>
    public string Key { get; set; } = "";

    public int Failures { get; set; }

    public DateTime LastFailureAtUtc { get; set; }

    /// <summary>When the account's owner was emailed about this run (for an address without an account, when it would have been); null until then.</summary>
    public DateTime? OwnerToldAtUtc { get; set; }
}
