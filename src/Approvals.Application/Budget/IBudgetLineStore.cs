namespace Approvals.Application;

public interface IBudgetLineStore
{
    Task<BudgetLineRecord?> FindAsync(int year, string code, CancellationToken cancellationToken);

    Task<IReadOnlyList<BudgetLineRecord>> ListAsync(int? year, CancellationToken cancellationToken);

    Task UpsertAsync(BudgetLineRecord line, CancellationToken cancellationToken);
}
