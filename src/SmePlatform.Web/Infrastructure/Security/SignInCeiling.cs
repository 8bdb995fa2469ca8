namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>Which ceiling of failed sign-ins was reached, and how long until an attempt is taken again.</summary>
public sealed record SignInCeiling(SignInCeilingKind Kind, TimeSpan Wait);
