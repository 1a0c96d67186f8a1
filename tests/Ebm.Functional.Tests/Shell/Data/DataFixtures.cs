using Ebm.Functional.Tests.Architecture;

namespace Ebm.Functional.Tests.Shell.Data;

/// <summary>The NumPy files of <c>Fixtures/</c> (written by <c>Fixtures/make-fixtures.py</c> with NumPy 1.24), read from the source tree.</summary>
internal static class DataFixtures
{
    /// <summary>The path of a data fixture.</summary>
    public static string Data(string name) => Repository.PathOf($"tests/Ebm.Functional.Tests/Shell/Data/Fixtures/{name}");

    /// <summary>The path of a model-file fixture.</summary>
    public static string Model(string name) => Repository.PathOf($"tests/Ebm.Functional.Tests/Shell/ModelFiles/Fixtures/{name}");

    /// <summary>Every fixture's bytes, for the hostile-input tests.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> All() =>
        Directory.GetFiles(Repository.PathOf("tests/Ebm.Functional.Tests/Shell/Data/Fixtures"), "*.np?")
            .Concat(Directory.GetFiles(Repository.PathOf("tests/Ebm.Functional.Tests/Shell/ModelFiles/Fixtures"), "*.npz"))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p)))
            .ToList();
}
