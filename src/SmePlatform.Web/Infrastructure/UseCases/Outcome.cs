using FluentValidation.Results;

namespace SmePlatform.Web.Infrastructure.UseCases;

/// <summary>How a write ended.</summary>
public enum OutcomeKind
{
    /// <summary>Done and saved.</summary>
    Done,

    /// <summary>The record is not there for this person (another business's id reads as not found).</summary>
    NotFound,

    /// <summary>The record is there but the move is not open to it now (its lifecycle, or this person's role).</summary>
    NotAllowed,

    /// <summary>Someone changed the record after the page was shown: nothing was saved.</summary>
    Conflict,

    /// <summary>The input did not pass its validator: nothing was saved; <see cref="Outcome{T}.Errors"/> says why, per field.</summary>
    Invalid,
}

/// <summary>
/// The answer of a write: done with its value, or refused with why. Controllers turn it into a page. Made with
/// <see cref="Outcome"/>: <c>return Outcome.Done(id);</c>, <c>return Outcome.NotFound;</c>.
/// </summary>
public sealed record Outcome<T>
{
    internal Outcome(OutcomeKind kind, T? value, IReadOnlyList<ValidationFailure> errors)
    {
        Kind = kind;
        Value = value;
        Errors = errors;
    }

    public OutcomeKind Kind { get; }

    /// <summary>What the write made or changed, when done.</summary>
    public T? Value { get; }

    /// <summary>Each field's problem, when invalid (the messages as the validator wrote them).</summary>
    public IReadOnlyList<ValidationFailure> Errors { get; }

    public bool IsDone => Kind == OutcomeKind.Done;

    public static implicit operator Outcome<T>(Refusal refusal) => refusal?.ToOutcome<T>() ?? throw new ArgumentNullException(nameof(refusal));
}

/// <summary>A write that did not happen, and why; it becomes an <see cref="Outcome{T}"/> of any value type.</summary>
public sealed record Refusal(OutcomeKind Kind, IReadOnlyList<ValidationFailure> Errors)
{
    public Outcome<T> ToOutcome<T>() => new(Kind, default, Errors);
}

/// <summary>Makes outcomes.</summary>
public static class Outcome
{
    public static Refusal NotFound { get; } = new(OutcomeKind.NotFound, []);

    public static Refusal NotAllowed { get; } = new(OutcomeKind.NotAllowed, []);

    public static Refusal Conflict { get; } = new(OutcomeKind.Conflict, []);

    public static Outcome<T> Done<T>(T value) => new(OutcomeKind.Done, value, []);

    public static Outcome<Unit> Done() => Done(Unit.Value);

    public static Refusal Invalid(IEnumerable<ValidationFailure> errors) => new(OutcomeKind.Invalid, [.. errors]);

    public static Refusal Invalid(string field, string message) => Invalid([new ValidationFailure(field, message)]);
}

/// <summary>The value of a write that has nothing to return but "done".</summary>
public readonly record struct Unit
{
    public static readonly Unit Value;
}
