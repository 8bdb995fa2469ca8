using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmePlatform.Web.Data.Messaging;

/// <summary>
/// Something that happened to an aggregate which others react to once it is committed (an application moved: open
/// dashboards read their numbers again). Written to the outbox in the same save as the change
/// (<see cref="DomainEventsToOutbox"/>), so a crash after the commit cannot lose it, and raised from there by the
/// outbox's dispatcher to the <see cref="IDomainEventHandler"/>s of its name.
/// </summary>
public interface IDomainEvent
{
    /// <summary>Its name: the outbox row's template, which handlers answer to.</summary>
    string Name { get; }

    /// <summary>Its values (ids, codes and states, never personal data), in order.</summary>
    IReadOnlyList<string> Arguments { get; }

    DateTime AtUtc { get; }
}

/// <summary>An aggregate that collects the events of its changes until they are saved.</summary>
public interface IRaisesDomainEvents
{
    /// <summary>The events raised since the last call, handed over once.</summary>
    IReadOnlyList<IDomainEvent> TakeDomainEvents();
}

/// <summary>
/// Reacts to the committed events of one name, as the outbox dispatcher hands them over: at least once (a handler bears
/// a repeat after a crash), in batches (a burst of changes can be answered once).
/// </summary>
public interface IDomainEventHandler
{
    /// <summary>The <see cref="IDomainEvent.Name"/> it answers to.</summary>
    string EventName { get; }

    Task HandleAsync(IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken);
}

/// <summary>
/// Every save writes the events its tracked aggregates raised as outbox rows (<see cref="OutboxChannel.Event"/>) before it
/// runs, so they are committed with the change or not at all. A save that fails drops them with the change (its
/// caller clears the tracker, as for every outbox row).
/// </summary>
public sealed class DomainEventsToOutbox : SaveChangesInterceptor
{
    public static DomainEventsToOutbox Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Write(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Write(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Write(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var raised in context.ChangeTracker.Entries<IRaisesDomainEvents>().Select(e => e.Entity).ToList())
        {
            foreach (var domainEvent in raised.TakeDomainEvents())
            {
                context.Add(new OutboxMessage
                {
                    Channel = OutboxChannel.Event,
                    RecipientUserId = "",
                    Template = domainEvent.Name,
                    Arguments = string.Join('\t', domainEvent.Arguments),
                    Link = "",
                    CreatedAtUtc = domainEvent.AtUtc,
                    NextAttemptAtUtc = domainEvent.AtUtc,
                });
            }
        }
    }
}
