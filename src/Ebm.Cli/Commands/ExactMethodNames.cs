using Ebm.Functional.Exact;

namespace Ebm.Cli.Commands;

/// <summary>The names of <see cref="ExactMethod"/> on the command line and in output.</summary>
internal static class ExactMethodNames
{
    private static readonly (string Name, ExactMethod Method)[] Table =
        Enum.GetValues<ExactMethod>().Select(m => (LogPartition.MethodName(m), m)).ToArray();

    /// <summary>Every accepted name, "auto" first.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    /// <summary>The method called <paramref name="name"/> (one of <see cref="All"/>).</summary>
    public static ExactMethod Parse(string name) => Table.Single(t => t.Name == name).Method;

    /// <summary>The command-line name of <paramref name="method"/>.</summary>
    public static string Name(ExactMethod method) => Table.Single(t => t.Method == method).Name;
}
