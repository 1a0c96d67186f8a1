using static Ebm.Functional.Properties.Annealing.EstimatorResults;
using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck.Xunit;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Annealing;

/// <summary>
/// AIS unbiasedness of the base-rate RBM path, computed exactly (Neal, 2001): propagating the unnormalised measure
/// mu_0 = f_0 / Z_0 over all visible states, multiplying by each increment f_tk / f_tk-1 taken from the path's own
/// LogDensity and moving it by the exact visible transition matrix of the intermediate RBM at t_k (weights t beta W,
/// visible bias (1 - t) bA + t beta b, hidden bias t beta c), gives a total mass E[w] that must equal Z_1 / Z_0, with
/// Z_1 the RBM's exact Z(beta) (enumeration) and Z_0 the path's LogZ0.
/// </summary>
[Properties(Arbitrary = [typeof(RbmPathCase)], MaxTest = 60)]
public class RbmPathUnbiasednessLaws
{
    // Round-off of at most a few hundred products and sums of terms of order 1 in log space.
    private const double Tolerance = 1e-10;

    [Property]
    public bool The_exact_expected_weight_is_the_partition_function_ratio(RbmPathCase c)
    {
        var model = c.Model;
        var baseBias = Vec.From(c.BaseBias);
        var path = Valid(Paths.RbmBaseRate(model, baseBias, c.Beta));
        var state = Valid(RbmAnnealingState.FromVisible(model, AllStates(model.Visible)));
        var start = path.LogDensity(0.0, state);
        var mass = Enumerable.Range(0, state.Count).Select(v => Math.Exp(start[v] - path.LogZ0)).ToArray();
        for (var k = 1; k < c.Schedule.Length; k++)
        {
            var (high, low) = (path.LogDensity(c.Schedule[k], state), path.LogDensity(c.Schedule[k - 1], state));
            for (var v = 0; v < mass.Length; v++) mass[v] *= Math.Exp(high[v] - low[v]);
            if (k < c.Schedule.Length - 1) mass = Propagate(mass, TransitionMatrices.BlockGibbsVisible(Intermediate(model, baseBias, c.Beta, c.Schedule[k]), 1.0).ThrowIfFail());
        }

        var exact = Enumeration.Compute(model, c.Beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        return Math.Abs(Math.Log(mass.Sum()) - (exact - path.LogZ0)) <= Tolerance;
    }

    [Property]
    public bool The_base_draws_have_the_normalised_base_density(RbmPathCase c)
    {
        var path = Valid(Paths.RbmBaseRate(c.Model, Vec.From(c.BaseBias), c.Beta));
        var state = Valid(RbmAnnealingState.FromVisible(c.Model, AllStates(c.Model.Visible)));
        var start = path.LogDensity(0.0, state);
        var total = Enumerable.Range(0, state.Count).Sum(v => Math.Exp(start[v] - path.LogZ0));
        return Math.Abs(total - 1.0) <= Tolerance;
    }

    private static double[] Propagate(double[] mass, Mat kernel)
    {
        var next = new double[mass.Length];
        for (var v = 0; v < mass.Length; v++)
        for (var w = 0; w < mass.Length; w++)
            next[w] += mass[v] * kernel[v, w];
        return next;
    }

    private static BernoulliRbm Intermediate(BernoulliRbm model, Vec baseBias, double beta, double t)
    {
        var s = t * beta;
        var weights = model.Weights.Span.ToArray().Select(w => s * w).ToArray();
        var visibleBias = Enumerable.Range(0, model.Visible).Select(i => (1 - t) * baseBias[i] + s * model.VisibleBias[i]).ToArray();
        var hiddenBias = model.HiddenBias.Span.ToArray().Select(x => s * x).ToArray();
        return BernoulliRbm.Create(Mat.From(model.Visible, model.Hidden, weights), Vec.From(visibleBias), Vec.From(hiddenBias))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
    }

    private static Mat AllStates(int units) => Mat.Create(1 << units, units, d =>
    {
        for (var x = 0; x < 1 << units; x++)
        for (var i = 0; i < units; i++)
            d[x * units + i] = (x >> i) & 1;
    });
}
