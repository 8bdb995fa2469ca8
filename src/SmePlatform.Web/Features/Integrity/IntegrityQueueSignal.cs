using System.Threading.Channels;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>Wakes the worker when checks were owed in this process.</summary>
public sealed class IntegrityQueueSignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up, or <paramref name="timeout"/> at most.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(timeout);
        try
        {
            await _signal.Reader.WaitToReadAsync(waited.Token);
            _signal.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look anyway (another instance may have owed checks).
        }
    }
}
