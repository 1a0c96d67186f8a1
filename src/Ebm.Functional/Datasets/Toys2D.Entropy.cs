using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>The expected log density of the toys with a closed-form density: the best average log-likelihood a model can expect.</summary>
public static partial class Toys2D
{
    private static readonly double[] LegendreNodes = [-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640];
    private static readonly double[] LegendreWeights = [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];

    /// <summary>
    /// E_p[log p(x)] = -H(p), the data's own average log density, for the toys with a closed-form density (None for the
    /// others): no model's expected test log-likelihood exceeds it (Gibbs' inequality), so it is the reference level of a
    /// learning curve. Checkerboard: -log 32 exactly. Ring and eight Gaussians: 5-point Gauss-Legendre on a grid of cells
    /// no wider than the noise's deviation over a box holding all but 1e-13 of the mass, accurate to about 1e-10.
    /// </summary>
    public static Option<double> ExpectedLogDensity(string name) => name switch
    {
        "checkerboard" => Some(-Math.Log(8 * CheckerboardSquare * CheckerboardSquare)),
        // Ring: 10 deviations beyond the outer circle; cells of 0.63 deviations.
        "ring" => Some(Integrate(RingLogDensity, OuterRingRadius + 10 * RingNoise, 96)),
        // Eight Gaussians: 7.5 deviations beyond the farthest centre; cells of 0.86 deviations.
        "eight-gaussians" => Some(Integrate(EightGaussiansLogDensity, EightGaussiansRadius + 7.5 * EightGaussiansStandardDeviation, 36)),
        _ => None,
    };

    /// <summary>The integral of p log p over [-half, half]² by 5-point Gauss-Legendre on each of cells² square cells.</summary>
    private static double Integrate(Func<double, double, double> logDensity, double half, int cells)
    {
        var h = 2 * half / cells;
        var sum = 0.0;
        for (var i = 0; i < cells; i++)
        for (var j = 0; j < cells; j++)
        for (var p = 0; p < 5; p++)
        for (var q = 0; q < 5; q++)
        {
            var logP = logDensity(-half + (i + 0.5 + LegendreNodes[p] / 2) * h, -half + (j + 0.5 + LegendreNodes[q] / 2) * h);
            if (double.IsNegativeInfinity(logP)) continue;
            sum += LegendreWeights[p] * LegendreWeights[q] * Math.Exp(logP) * logP;
        }

        return sum * h * h / 4;
    }
}
