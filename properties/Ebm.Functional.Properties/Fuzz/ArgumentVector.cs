namespace Ebm.Functional.Properties.Fuzz;

/// <summary>
/// An argument vector of <c>ebm</c> whose file arguments are names in a scratch directory (the tiny models, data
/// and schedule files of the fuzz sandbox, and bad.json holding <see cref="BadModel"/>), resolved when it runs.
/// </summary>
public sealed record ArgumentVector(string[] Args, FuzzInput BadModel)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"ebm {string.Join(" ", Args.Select(a => $"'{a.Replace("\n", "\\n", StringComparison.Ordinal)}'"))}; bad.json = {BadModel}";
}
