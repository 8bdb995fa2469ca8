namespace SmePlatform.Web.Data;

/// <summary>
/// The last time step (RFC 6238: Unix time / 30 s) of an authenticator code accepted for a user. A code is accepted only
/// for a later step than this, raised by a conditional update, so the same code cannot be used twice, even by two posts
/// at once. Kept apart from the user's row, which Identity rewrites whole on every change.
/// </summary>
public class AuthenticatorTimeStep
{
    public string UserId { get; set; } = "";

    public long LastTimeStep { get; set; }
}
