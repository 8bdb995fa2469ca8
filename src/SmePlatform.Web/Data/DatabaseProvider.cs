namespace SmePlatform.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
