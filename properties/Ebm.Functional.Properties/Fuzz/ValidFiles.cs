using System.Text;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Fuzz;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>Valid files of each reader, the seeds that the mutations start from and splice together.</summary>
public static class ValidFiles
{
    /// <summary>A model file of every kind, compact and as <see cref="ModelFile.Serialize"/> writes it (one value per line).</summary>
    public static IReadOnlyList<byte[]> Models { get; } = Sandbox.Files
        .Where(f => f.Key.EndsWith(".json", StringComparison.Ordinal))
        .SelectMany(f => new[] { f.Value, ModelFile.Serialize(ModelFile.Parse(f.Value).Match(m => m, e => throw new InvalidOperationException(e.Message))) })
        .Select(Encoding.UTF8.GetBytes)
        .ToList();

    /// <summary>Binary data files with their widths: separators, comments, blank lines, CRLF and a byte-order mark.</summary>
    public static IReadOnlyList<(byte[] File, int Columns)> Data { get; } =
    [
        (Encoding.UTF8.GetBytes("1 0 1\n0,1,1\n1\t1\t0\n"), 3),
        (Encoding.UTF8.GetBytes("# one unit\n1\r\n0\r\n\r\n1\r\n"), 1),
        (Encoding.UTF8.GetBytes("\uFEFF0;1\n1;0\n# end\n"), 2),
        (Encoding.UTF8.GetBytes("1, 0, 0, 1\n  0 1 1 0  \n1 1 1 1"), 4),
    ];

    /// <summary>Schedule files: separators, comments, exponents and many points.</summary>
    public static IReadOnlyList<byte[]> Schedules { get; } =
    [
        Encoding.UTF8.GetBytes("# points\n0, 0.1, 0.3\n0.6 1\n"),
        Encoding.UTF8.GetBytes("0\n1e-3\n1E-2\n0.5\n1\n"),
        Encoding.UTF8.GetBytes("\uFEFF0;0.25;0.5;0.75;1"),
        Encoding.UTF8.GetBytes(string.Join(" ", Enumerable.Range(0, 65).Select(k => (k / 64.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))),
    ];
}
