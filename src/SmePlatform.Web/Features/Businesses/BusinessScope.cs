using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>
/// Guards every route with a <c>{businessId}</c>: the signed-in person must be a member of that business, or the
/// answer is 404, whether the business exists or not. With <c>ownerOnly</c>, a Member who is not the Owner gets 403.
/// The membership is left in <see cref="HttpContext.Items"/> for the action (<see cref="BusinessScope.Membership"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BusinessScopedAttribute : TypeFilterAttribute
{
    public const string RouteKey = "businessId";

    public BusinessScopedAttribute(bool ownerOnly = false) : base(typeof(BusinessScopeFilter)) => Arguments = [ownerOnly];
}

public sealed class BusinessScopeFilter(SmeDbContext db, bool ownerOnly) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var userId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var routeValue = context.RouteData.Values[BusinessScopedAttribute.RouteKey] as string;
        if (userId is null || !int.TryParse(routeValue, NumberStyles.None, CultureInfo.InvariantCulture, out var businessId))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var membership = await db.BusinessMembers.AsNoTracking()
            .FirstOrDefaultAsync(m => m.BusinessId == businessId && m.UserId == userId, context.HttpContext.RequestAborted);
        if (membership is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (ownerOnly && membership.Role != MemberRole.Owner)
        {
            context.Result = new ForbidResult();
            return;
        }

        context.HttpContext.Items[typeof(BusinessMember)] = membership;
        await next();
    }
}

public static class BusinessScope
{
    /// <summary>The current person's membership of the business in the route (set by <see cref="BusinessScopedAttribute"/>).</summary>
    public static BusinessMember Membership(this HttpContext context) =>
        context.Items[typeof(BusinessMember)] as BusinessMember
        ?? throw new InvalidOperationException("The action is not [BusinessScoped].");
}
