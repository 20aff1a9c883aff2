namespace Approvals.Testing;

/// <summary>Finds the repository's root folder (the one holding <c>Approvals.sln</c>) from the test's run folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() => Find(AppContext.BaseDirectory));

    public static string Path => Root.Value;

    public static string Find(string startFolder)
    {
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Approvals.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Approvals.sln found above {startFolder}.");
    }
}
