using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>
/// The failed sign-ins of the last window, per client address and for the whole portal, in memory: a sliding log of
/// the instants of the last <c>Limit</c> failures each. An attempt is refused, before any password is checked, while
/// its address's log or the portal's is full; it waits until the oldest failure leaves the window. Refused attempts do
/// not count, so an attacker cannot keep a ceiling shut by trying more. Each instance of the portal keeps its own
/// (docs/operations.md).
/// </summary>
public sealed class SignInCeilings(IOptions<SignInThrottlingOptions> options, TimeProvider clock)
{
    private readonly SlidingLog _global = new();
    private readonly ConcurrentDictionary<string, SlidingLog> _addresses = new(StringComparer.Ordinal);
    private long _nextSweepTicks;
    private long _nextPruneTicks;

    /// <summary>The ceiling an attempt from <paramref name="address"/> finds reached now, if any: its address's first.</summary>
    public SignInCeiling? Reached(IPAddress? address)
    {
        var (now, settings) = (clock.GetUtcNow(), options.Value);
        if (_addresses.TryGetValue(AddressKey(address), out var log) && log.WaitAt(now, settings.Address.Limit, settings.Address.Window) is { } wait)
        {
            return new SignInCeiling(SignInCeilingKind.Address, wait);
        }

        return _global.WaitAt(now, settings.Global.Limit, settings.Global.Window) is { } everyone
            ? new SignInCeiling(SignInCeilingKind.Global, everyone)
            : null;
    }

    public void RecordFailure(IPAddress? address)
    {
        var (now, settings) = (clock.GetUtcNow(), options.Value);
        _global.Add(now, settings.Global.Limit, settings.Global.Window);
        _addresses.GetOrAdd(AddressKey(address), _ => new SlidingLog()).Add(now, settings.Address.Limit, settings.Address.Window);
        Sweep(now, settings.Address.Window);
    }

    /// <summary>
    /// Whether the caller should delete the forgotten runs of failures per account now: true for one caller every ten
    /// minutes, so the rows of addresses tried once (credential stuffing) do not pile up.
    /// </summary>
    public bool TakePruneTurn(DateTime nowUtc)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        return nowUtc.Ticks >= due && Interlocked.CompareExchange(ref _nextPruneTicks, nowUtc.AddMinutes(10).Ticks, due) == due;
    }

    /// <summary>
    /// The partition of a client address: an IPv4 address (an IPv4-mapped IPv6 address as IPv4) by itself, an IPv6
    /// address by its /64 network, which one subscriber usually holds whole.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>Forgets the addresses with no failure left in the window, at most once a window.</summary>
    private void Sweep(DateTimeOffset now, TimeSpan window)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + window).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, log) in _addresses)
        {
            if (log.IsEmptyAt(now, window))
            {
                _addresses.TryRemove(new KeyValuePair<string, SlidingLog>(key, log));
            }
        }
    }

    /// <summary>The instants of the newest failures, at most a limit of them.</summary>
    private sealed class SlidingLog
    {
        private readonly Queue<DateTimeOffset> _instants = new();

        /// <summary>How long until a failure leaves the window, when the log is full; null while there is room.</summary>
        public TimeSpan? WaitAt(DateTimeOffset now, int limit, TimeSpan window)
        {
            lock (_instants)
            {
                Prune(now - window);
                return _instants.Count >= limit ? _instants.Peek() + window - now : null;
            }
        }

        public void Add(DateTimeOffset now, int limit, TimeSpan window)
        {
            lock (_instants)
            {
                Prune(now - window);
                _instants.Enqueue(now);
                while (_instants.Count > limit)
                {
                    _instants.Dequeue();
                }
            }
        }

        public bool IsEmptyAt(DateTimeOffset now, TimeSpan window)
        {
            lock (_instants)
            {
                Prune(now - window);
                return _instants.Count == 0;
            }
        }

        private void Prune(DateTimeOffset before)
        {
            while (_instants.Count > 0 && _instants.Peek() <= before)
            {
                _instants.Dequeue();
            }
        }
    }
}
