using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Applications.Start;

/// <summary>The measure applied for, and the person's businesses to choose the applicant from.</summary>
public sealed record StartPage(SupportMeasure Measure, IReadOnlyList<Business> Businesses);
