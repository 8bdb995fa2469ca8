namespace SmePlatform.Web.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Each message becomes an .eml file in a folder: Development and tests.</summary>
    PickupFolder,
    Smtp,
}
