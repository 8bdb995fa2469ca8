using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace SmePlatform.Web.Data;

/// <summary>
/// Transactions that hand their write turn back when disposed without a commit or a rollback (an exception inside
/// <c>await using var transaction</c>): EF raises no interceptor event for that, and the turn would otherwise be held
/// until the context's next write or its end. SQLite only, where the turn is a real one (<see cref="WriteGate"/>).
/// </summary>
public sealed class TurnKeepingTransactionFactory(RelationalTransactionFactoryDependencies dependencies) : RelationalTransactionFactory(dependencies)
{
    public override RelationalTransaction Create(
        IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
        IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned) =>
        new TurnKeepingTransaction(connection, transaction, transactionId, logger, transactionOwned, Dependencies.SqlGenerationHelper);

    private sealed class TurnKeepingTransaction(
        IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
        IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned, ISqlGenerationHelper sqlGenerationHelper)
        : RelationalTransaction(connection, transaction, transactionId, logger, transactionOwned, sqlGenerationHelper)
    {
        public override void Dispose()
        {
            base.Dispose();
            Ended();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Ended();
        }

        private void Ended()
        {
            var context = Connection.Context;
            WriteTurnInterceptor.Of(context)?.TransactionDisposed(context, this.GetDbTransaction());
        }
    }
}
