namespace SmePlatform.Web.Data.Businesses;

/// <summary>The groups of profile items a business can share, each as a whole.</summary>
public enum ItemGroup
{
    Basics,
    Recommendation,
    Financial,
    IntellectualProperty,
    Overseas,
    ResearchDevelopment,
}
