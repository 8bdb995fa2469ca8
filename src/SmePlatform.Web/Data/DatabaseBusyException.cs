namespace SmePlatform.Web.Data;

/// <summary>A write waited its bound (<see cref="DatabaseOptions.WriteTimeoutSeconds"/>) for its turn and did not get it.</summary>
public sealed class DatabaseBusyException : Exception
{
    public DatabaseBusyException()
        : base("The database is busy: a write could not get its turn within its bound.")
    {
    }

    public DatabaseBusyException(string message)
        : base(message)
    {
    }

    public DatabaseBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
