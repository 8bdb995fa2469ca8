namespace SmePlatform.Web.Infrastructure.Security;

public enum SignInCeilingKind
{
    /// <summary>Too many failures from the client's address (or its IPv6 /64 network).</summary>
    Address,

    /// <summary>Too many failures across the portal: everyone waits.</summary>
    Global,
}
