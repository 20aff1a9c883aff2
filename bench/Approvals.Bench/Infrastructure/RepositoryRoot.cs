namespace Approvals.Bench;

/// <summary>The folder holding <c>Approvals.sln</c>, found upwards from the bench's run folder.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Approvals.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Approvals.sln above {AppContext.BaseDirectory}.");
    }
}
