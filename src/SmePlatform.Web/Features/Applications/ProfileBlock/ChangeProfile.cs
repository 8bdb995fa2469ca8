using FluentValidation.Results;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.ProfileBlock;

/// <param name="BusinessId">The business in the route: the application must be its own.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Values">The profile items as posted (<c>Values[field]</c>).</param>
/// <param name="Intent">
/// <see cref="ApplicationIntent.Review"/> (or none) checks the changes with the profile's own validators;
/// <see cref="ApplicationIntent.Confirm"/> writes them back; <see cref="ApplicationIntent.Back"/> does neither.
/// </param>
/// <param name="UserId">Who does it (recorded with what is saved).</param>
public sealed record ChangeProfileCommand(int BusinessId, int ApplicationId, IReadOnlyDictionary<string, string?> Values, string? Intent, string UserId);

/// <summary>The profile as it was before the post, and the items the post changes (a cleared item is null).</summary>
public sealed record ProfileChanges(ApplicationFile File, IReadOnlyDictionary<string, PrefillValue> Current, IReadOnlyDictionary<string, string?> Changed)
{
    /// <summary>Old against new, for the confirmation page.</summary>
    public ProfileConfirmPage ToConfirmPage() => new(File, [.. Changed.Select(c => (c.Key, Current.GetValueOrDefault(c.Key)?.Value, c.Value))]);
}

/// <summary>
/// Changes to profile items typed in an application go to the profile only once confirmed: reviewed first (checked with
/// the profile's own validators, nothing saved), then confirmed (written back by <see cref="ProfileWriteBack"/>, recorded as
/// coming from an application). Only the items the form takes, never the corporate number, and only while the
/// application is editable; another business's application is not found.
/// </summary>
public sealed class ChangeProfileHandler(ApplicationStore store, ProfilePrefill prefill, ProfileWriteBack writeBack) : IUseCase
{
    public async Task<Outcome<ProfileChanges>> HandleAsync(ChangeProfileCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadAsync(command.BusinessId, command.ApplicationId, cancellationToken: cancellationToken) is not { IsEditable: true } file)
        {
            return Outcome.NotFound;
        }

        var current = await prefill.ValuesAsync(file.Business, cancellationToken);
        var changes = new ProfileChanges(file, current, command.Values
            .Where(pair => file.Form.ProfileFields.Contains(pair.Key) && ProfilePrefill.Fields.Contains(pair.Key) && pair.Key != nameof(Business.CorporateNumber))
            .Where(pair => (pair.Value ?? "").Trim() != (current.GetValueOrDefault(pair.Key)?.Value ?? ""))
            .ToDictionary(pair => pair.Key, pair => string.IsNullOrWhiteSpace(pair.Value) ? null : pair.Value.Trim(), StringComparer.Ordinal));
        if (command.Intent == ApplicationIntent.Back || changes.Changed.Count == 0)
        {
            return Outcome.Done(changes);
        }

        var result = command.Intent == ApplicationIntent.Confirm
            ? await writeBack.WriteBackAsync(command.BusinessId, changes.Changed, command.UserId, cancellationToken)
            : await writeBack.CheckAsync(command.BusinessId, changes.Changed, cancellationToken);
        return result.Saved
            ? Outcome.Done(changes)
            : Outcome.Invalid(result.Errors.Select(error => new ValidationFailure($"Values[{error.Key}]", error.Value)));
    }
}
