namespace SmePlatform.Web.Data;

/// <summary>
/// One sign-in, kept on the server (<c>DatabaseTicketStore</c>): the authentication cookie carries only a random key
/// whose SHA-256 is <see cref="KeyHash"/>, so deleting the row ends the sign-in wherever the cookie has been copied.
/// Holds what the person needs to recognise the sign-in on their sessions page, and no more (APPI): the browser and
/// system named from the User-Agent (not the User-Agent itself) and the network the sign-in came from (the first 24
/// bits of an IPv4 address, 48 of IPv6), never the whole address.
/// </summary>
public class UserSession
{
    public const int KeyHashLength = 64;
    public const int NameMaxLength = 40;
    public const int NetworkMaxLength = 50;

    /// <summary>The handle the sessions page names a sign-in by; not the cookie's key.</summary>
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the cookie's key, lower-case hex.</summary>
    public string KeyHash { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The authentication ticket, serialized and protected with the app's data-protection keys.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the sign-in was last used, to within <c>Sessions:LastSeenInterval</c> (it is not written on every request).</summary>
    public DateTime LastSeenAtUtc { get; set; }

    /// <summary>The sliding end: the ticket's expiry, moved on as the cookie is renewed.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>Staff only: the end that no activity moves (<c>Sessions:StaffAbsoluteLifetime</c> after signing in).</summary>
    public DateTime? AbsoluteExpiresAtUtc { get; set; }

    /// <summary>The browser's name (Chrome, Safari, …), or null where the User-Agent names none we know.</summary>
    public string? Browser { get; set; }

    /// <summary>The operating system's name (Windows, iPhone, …), or null where the User-Agent names none we know.</summary>
    public string? Platform { get; set; }

    /// <summary>The client's network: <c>203.0.113.0/24</c> or <c>2001:db8:1::/48</c>; null when the address is unknown.</summary>
    public string? Network { get; set; }
}
