using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Tests.Shared;

/// <summary>
/// Bernoulli RBMs of any size whose parameters are fixed formulas of the unit indices: the hard cases of the estimator
/// reliability tests, built here once for the library's tests and, written to a model file, for the CLI's.
/// </summary>
internal static class SineRbms
{
    /// <summary>
    /// Smoothly varying parameters of size about <paramref name="scale"/>: W_ij = s sin(0.37 (i + 1)(j + 2) + 0.11 i),
    /// b_i = (s / 2) cos(0.9 i), c_j = (s / 2) sin(1.7 j).
    /// </summary>
    public static BernoulliRbm Smooth(int visible, int hidden, double scale) => Rbm(
        visible, hidden,
        (i, j) => scale * Math.Sin(0.37 * (i + 1) * (j + 2) + 0.11 * i),
        i => 0.5 * scale * Math.Cos(0.9 * i),
        j => 0.5 * scale * Math.Sin(1.7 * j));

    /// <summary>
    /// Every weight and bias +-<paramref name="magnitude"/>, with the signs of sin(1.3 i + 2.1 j + 0.7 i j) for W_ij,
    /// sin(2.9 i + 0.4) for b_i and sin(1.1 j + 0.9) for c_j.
    /// </summary>
    public static BernoulliRbm Signed(int visible, int hidden, double magnitude)
    {
        double Sign(double x) => Math.Sin(x) >= 0 ? magnitude : -magnitude;
        return Rbm(visible, hidden, (i, j) => Sign(1.3 * i + 2.1 * j + 0.7 * i * j), i => Sign(2.9 * i + 0.4), j => Sign(1.1 * j + 0.9));
    }

    private static BernoulliRbm Rbm(int visible, int hidden, Func<int, int, double> weight, Func<int, double> visibleBias, Func<int, double> hiddenBias) =>
        BernoulliRbm.Create(
                Mat.Create(visible, hidden, w =>
                {
                    for (var i = 0; i < visible; i++)
                    for (var j = 0; j < hidden; j++) w[i * hidden + j] = weight(i, j);
                }),
                Vec.Create(visible, b =>
                {
                    for (var i = 0; i < visible; i++) b[i] = visibleBias(i);
                }),
                Vec.Create(hidden, c =>
                {
                    for (var j = 0; j < hidden; j++) c[j] = hiddenBias(j);
                }))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
}
