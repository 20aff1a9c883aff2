using DurableTask.Core;

namespace Approvals.Server;

/// <summary>Makes a new orchestration or activity object for each work item, as the shims expect (they hold per-run state).</summary>
public sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    public ShimCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        this.create = create;
    }

    public override T Create() => create();
}
