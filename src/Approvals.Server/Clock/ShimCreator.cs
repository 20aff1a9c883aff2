using DurableTask.Core;

namespace Approvals.Server;

/// <summary>Makes a new orchestration or activity object for each work item, as the shims expect (they hold per-run state).</summary>
public sealed class ShimCreator<T>(string name, Func<T> create) : ObjectCreator<T>
{
    public override T Create()
    {
        Name = name;
        Version = "";
        return create();
    }
}
