using System.Net;
using System.Net.Sockets;

namespace SmePlatform.Web.Infrastructure.Sessions;

/// <summary>
/// The network a sign-in came from, not the address: the first 24 bits of an IPv4 address (256 addresses, typically
/// one provider's block or an office) and the first 48 of IPv6 (a site). Enough for a person to tell "my office" from
/// "somewhere else" on their sessions page; too coarse to single out a household. Nothing maps it to a place: the
/// project has no address-to-place database, and would not keep a finer address to use one.
/// </summary>
public static class ClientNetwork
{
    public static string? Of(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            // This computer: nothing to hide, and the whole loopback range says so plainly.
            return address.AddressFamily == AddressFamily.InterNetwork ? "127.0.0.0/8" : "::1/128";
        }

        var bytes = address.GetAddressBytes();
        switch (address.AddressFamily)
        {
            case AddressFamily.InterNetwork:
                bytes[3] = 0;
                return $"{new IPAddress(bytes)}/24";
            case AddressFamily.InterNetworkV6:
                Array.Clear(bytes, 6, bytes.Length - 6);
                return $"{new IPAddress(bytes)}/48";
            default:
                return null;
        }
    }

    /// <summary>A loopback, private or link-local network (this computer, or an office or home network behind a router).</summary>
    public static bool IsLocal(string? network)
    {
        var prefix = network?.Split('/')[0];
        if (prefix is null || !IPAddress.TryParse(prefix, out var address))
        {
            return false;
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork && (bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254));
    }
}
