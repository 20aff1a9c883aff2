namespace Approvals.Server;

/// <summary>Where the sign-in may send the browser back to: a path of this site only, never another origin.</summary>
public static class LocalPaths
{
    /// <summary>
    /// <paramref name="back"/> when it is a local path, else <c>/</c>. Browsers read <c>/\host</c> as <c>//host</c> and
    /// drop tabs and line breaks from URLs (<c>/\t/host</c> becomes <c>//host</c>), so any backslash or control
    /// character is refused, as is a second slash at the start.
    /// </summary>
    public static string OrHome(string? back) =>
        back is { Length: > 0 and <= 2000 } && back[0] == '/' && (back.Length == 1 || back[1] is not ('/' or '\\'))
        && !back.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c))
            ? back
            : "/";
}
