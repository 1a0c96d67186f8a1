using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>Chains with known autocorrelation, generated from fixed keys.</summary>
internal static class DiagnosticsTestData
{
    /// <summary>
    /// C stationary AR(1) chains x_t = φ x_{t-1} + ε_t, ε_t ~ N(0, 1), x_0 ~ N(0, 1/(1 - φ²)): marginal variance
    /// 1/(1 - φ²), ρ_t = φ^t, τ = (1 + φ)/(1 - φ). φ = 0 gives iid standard normals.
    /// </summary>
    public static Mat Ar1(ulong seed, int chains, int draws, double phi, double mean = 0.0) =>
        Mat.Create(chains, draws, destination =>
        {
            var root = RngKey.FromSeed(seed);
            for (var c = 0; c < chains; c++)
            {
                var row = destination.Slice(c * draws, draws);
                root.FoldIn(c).Normal(row);
                row[0] /= Math.Sqrt(1.0 - phi * phi);
                for (var t = 1; t < draws; t++) row[t] += phi * row[t - 1];
                for (var t = 0; t < draws; t++) row[t] += mean;
            }
        });

    /// <summary>Each row multiplied by its own scale: chains that share a centre but not a spread.</summary>
    public static Mat ScaleRows(Mat draws, params double[] scales) =>
        Mat.Create(draws.Rows, draws.Columns, d =>
        {
            for (var c = 0; c < draws.Rows; c++)
                for (var t = 0; t < draws.Columns; t++) d[c * draws.Columns + t] = scales[c] * draws[c, t];
        });
}
