namespace SmePlatform.Web.Infrastructure.UseCases;

/// <summary>
/// One thing a person does or reads on the portal: a write (a handler with its command and validator beside it) or a
/// page read (a query). Each lives in a folder named for it under its feature and is registered scoped by the
/// feature's setup (<see cref="UseCaseRegistration"/>). Controllers bind, call one, and choose a view or redirect.
/// ADR 0016.
/// </summary>
public interface IUseCase;
