namespace SmePlatform.Web.Infrastructure.Views;

/// <summary>Records each controller's feature folder: the namespace part after <c>.Features.</c>.</summary>
public sealed class FeatureConvention : Microsoft.AspNetCore.Mvc.ApplicationModels.IControllerModelConvention
{
    public const string Key = "feature";

    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.ControllerModel controller)
    {
        var ns = controller.ControllerType.Namespace ?? "";
        var marker = ns.IndexOf(".Features.", StringComparison.Ordinal);
        if (marker >= 0)
        {
            controller.Properties[Key] = ns[(marker + ".Features.".Length)..].Replace('.', '/');
        }
    }
}
