using System.Globalization;

namespace Ebm.Cli.Tests;

/// <summary>
/// Gaussian model files with hand-checked determinants, so the exact answer
/// log Z(beta) = (d/2) log(2 pi / beta) - (1/2) log det P is computed here without any code under test.
/// </summary>
public static class GaussianCases
{
    public sealed record Case(string Name, double[] Mean, double[][] Precision, double Determinant)
    {
        public int Dimension => Mean.Length;

        public double LogZ(double beta) => 0.5 * Dimension * Math.Log(2 * Math.PI / beta) - 0.5 * Math.Log(Determinant);

        public string Json =>
            $$"""{"kind":"gaussian","mean":[{{Join(Mean)}}],"precision":[{{string.Join(",", Precision.Select(r => $"[{Join(r)}]"))}}]}""";

        private static string Join(double[] xs) => string.Join(",", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
    }

    public static readonly Case[] All =
    [
        new("one-dimensional", [3.0], [[4.0]], 4.0),
        new("correlated-2d", [0.0, 1.0], [[2.0, 0.5], [0.5, 1.0]], 1.75),
        new("tridiagonal-3d", [1.0, -1.0, 0.5], [[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]], 4.0),
        new("diagonal-3d", [0.0, 0.0, 0.0], [[2.0, 0.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 4.0]], 24.0),
    ];

    public static Case Named(string name) => All.Single(c => c.Name == name);
}
