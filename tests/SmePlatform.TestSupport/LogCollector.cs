using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace SmePlatform.TestSupport;

/// <summary>
/// Every log event the app writes, each as the compact JSON line a log collector would store (message,
/// properties, exception), so tests can check that no personal data reaches the logs.
/// </summary>
public sealed class LogCollector : ILogEventSink
{
    private static readonly CompactJsonFormatter Formatter = new();
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        Formatter.Format(logEvent, writer);
        _lines.Enqueue(writer.ToString());
    }
}
