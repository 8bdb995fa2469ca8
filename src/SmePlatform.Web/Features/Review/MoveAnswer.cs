using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review;

/// <summary>A lifecycle move's result (<see cref="ApplicationMoves"/>) as a use case's outcome.</summary>
public static class MoveAnswer
{
    public static Outcome<Unit> Of(MoveOutcome outcome) => outcome switch
    {
        MoveOutcome.Done => Outcome.Done(),
        MoveOutcome.NotAllowed => Outcome.NotAllowed,
        _ => Outcome.Conflict,
    };
}
