using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.RbmContrastiveTraining;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// CD-k with many Gibbs steps estimates the exact likelihood gradient: on a 4 x 3 RBM, whose model expectation
/// E_p[dF/dθ] and its variance are sums over the 16 visible states, the CD-30 gradient lies within its Monte Carlo
/// standard error of the exact one, while CD-1 from the same data is visibly biased.
/// </summary>
/// <remarks>
/// Each of the N = 4,000 minibatch rows runs its own chain, so the negative phase averages N independent draws of
/// dF/dθ(v_k), v_k after k block-Gibbs steps; for k = 30 the chains of this small model have long forgotten their start
/// (its Gibbs kernel mixes in a few steps), so v_k is drawn from p up to a bias far below the noise. The standard error of
/// parameter i is sqrt(Var_p[dF/dθ_i] / N) with the exact variance. Tolerance: 4.5 standard errors per parameter, a two-sided
/// normal tail of 6.8e-6; over the 19 parameters (Bonferroni) the test fails by chance with probability below delta = 1.3e-4.
/// </remarks>
public class RbmContrastiveExactGradientTests
{
    private const int Rows = 4_000;
    private const double StandardErrors = 4.5;

    private static readonly BernoulliRbm Model = Random(4, 3, seed: 31, scale: 1.0, bias: 0.5);

    /// <summary>Four visible vectors, each repeated 1,000 times: the positive phase is exact whatever the rows.</summary>
    private static readonly Mat Data = Mat.Create(Rows, 4, d =>
    {
        double[][] patterns = [[1, 0, 0, 1], [1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 1, 0]];
        for (var r = 0; r < Rows; r++) patterns[r % 4].CopyTo(d.Slice(r * 4, 4));
    });

    /// <summary>The exact loss gradient E_data[dF/dθ] - E_p[dF/dθ] and the per-parameter standard deviation of dF/dθ under p.</summary>
    private static (double[] Gradient, double[] Deviation) Exact()
    {
        var states = Mat.Create(16, 4, d => { for (var s = 0; s < 16; s++) for (var i = 0; i < 4; i++) d[s * 4 + i] = (s >> i) & 1; });
        var logZ = Ok(Ebm.Functional.Exact.RbmExact.LogPartitionFunction(Model, 1.0));
        var freeEnergies = Model.FreeEnergies(states);
        var positive = RbmTraining.Flatten(Model.FreeEnergyGradient(Data));
        var (mean, square) = (new double[positive.Length], new double[positive.Length]);
        for (var s = 0; s < 16; s++)
        {
            var p = Math.Exp(-freeEnergies[s] - logZ);
            var g = RbmTraining.Flatten(Model.FreeEnergyGradient(Mat.From(1, 4, states.Row(s))));
            for (var i = 0; i < g.Length; i++)
            {
                mean[i] += p * g[i];
                square[i] += p * g[i] * g[i];
            }
        }

        var gradient = new double[positive.Length];
        var deviation = new double[positive.Length];
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] = positive[i] - mean[i];
            deviation[i] = Math.Sqrt(Math.Max(0, square[i] - mean[i] * mean[i]));
        }

        return (gradient, deviation);
    }

    /// <summary>The largest |CD-k - exact| over the parameters, in standard errors of the negative phase's mean.</summary>
    private static double LargestZ(int k)
    {
        var (exact, deviation) = Exact();
        var estimate = Ok(RbmTraining.ContrastiveDivergence(k).Step(RngKey.FromSeed(41), Model, Seq<Mat>.Empty, Data)).Gradient;
        var largest = 0.0;
        for (var i = 0; i < exact.Length; i++)
            largest = Math.Max(largest, Math.Abs(estimate[i] - exact[i]) / (deviation[i] / Math.Sqrt(Rows) + 1e-15));
        return largest;
    }

    [Fact]
    public void Cd_30_matches_the_exact_gradient_within_its_standard_error() => Assert.InRange(LargestZ(30), 0, StandardErrors);

    [Fact]
    public void Cd_1_from_the_data_is_biased_beyond_that_error() => Assert.True(LargestZ(1) > 3 * StandardErrors, $"CD-1's largest z is {LargestZ(1)}");
}
