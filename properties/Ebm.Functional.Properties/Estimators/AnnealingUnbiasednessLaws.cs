using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Properties.Annealing.EstimatorResults;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Unbiasedness of the annealing estimators, exactly: E[w] = Z_1 / Z_0 for forward AIS, E[w] = Z_0 / Z_1 for
/// reverse AIS from exact target draws, and E[w] = Z_B / Z_A on the path between two models, each computed by
/// replaying the implementation's own calls (<see cref="ExactAnnealing"/>) with exact kernel matrices.
/// </summary>
/// <remarks>
/// Random Boltzmann machines of 2..6 units (either convention, parameters on a 1/1000 grid in [-1, 1]), beta in
/// [0.1, 2], 2..5 intermediate points drawn on a 1/1000 grid, four single-site kernels. |beta E| stays below 42,
/// so the weighted measure is a sum of at most 64 x 64 products of 6 factors of size up to e^42, each exact to
/// a few ulps: relative agreement to <see cref="Relative"/> leaves a margin of about 10^4 over round-off.
/// </remarks>
public class AnnealingUnbiasednessLaws
{
    /// <summary>Relative tolerance of E[w] against the exact ratio.</summary>
    private const double Relative = 1e-10;

    /// <summary>Absolute tolerance of a log weight against the replayed increments (sums of at most 6 terms below 84).</summary>
    private const double LogWeightTolerance = 1e-12;

    private static Gen<AnnealingCase> Cases() =>
        from a in BoltzmannArbitrary.Cases(6, 1.0).Where(c => c.Model.Dimension >= 2)
        let n = a.Model.Dimension
        from upper in Gen.ArrayOf(Gen.Choose(-1000, 1000), n * (n - 1) / 2)
        from biases in Gen.ArrayOf(Gen.Choose(-1000, 1000), n)
        from beta in Gen.Choose(100, 2000)
        from kernel in Gen.Elements(SiteKernel.All.ToArray())
        from inner in Gen.Choose(2, 5)
        from points in Gen.ArrayOf(Gen.Choose(1, 999), inner).Where(p => p.Distinct().Count() == p.Length)
        select new AnnealingCase(a.Model, Other(a, upper, biases), beta / 1000.0, kernel, Points(points));

    [Property(MaxTest = 100)]
    public Property Forward_ais_weight_has_expectation_Z1_over_Z0() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (model, beta) = (c.Model, c.Beta);
            var path = Valid(Paths.Tempered(model, beta, b => c.Kernel.Build(model, b)));
            var every = Chains(model);
            var calls = new List<PathCall>();
            var run = Valid(Ais.Run(RngKey.FromSeed(1), ExactAnnealing.Recording(path, every, calls), c.Schedule, every.Chains));
            var start = ExactAnnealing.Normalised(path, every, 0.0, path.LogZ0);
            var (measure, increments) = ExactAnnealing.Replay(path, every, calls, start, t => c.Kernel.Matrix(model, t * beta));
            return Agree(run.LogWeights, increments)
                .And(Mass(start, 1.0, "base measure"))
                .And(Mass(measure, Math.Exp(LogZ(model, beta) - path.LogZ0), "E[w] against Z_1 / Z_0"));
        });

    [Property(MaxTest = 100)]
    public Property Reverse_ais_weight_from_exact_targets_has_expectation_Z0_over_Z1() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (model, beta) = (c.Model, c.Beta);
            var path = Valid(Paths.Tempered(model, beta, b => c.Kernel.Build(model, b)));
            var every = Chains(model);
            var calls = new List<PathCall>();
            var run = Valid(ReverseAis.Run(RngKey.FromSeed(1), ExactAnnealing.Recording(path, every, calls), c.Schedule, every, exactSamples: true));
            var logZ = LogZ(model, beta);
            var start = ExactAnnealing.Normalised(path, every, 1.0, logZ);
            var (measure, increments) = ExactAnnealing.Replay(path, every, calls, start, t => c.Kernel.Matrix(model, t * beta));
            return Agree(run.LogWeights, increments)
                .And(Mass(start, 1.0, "target measure"))
                .And(Mass(measure, Math.Exp(path.LogZ0 - logZ), "E[w] against Z_0 / Z_1"));
        });

    [Property(MaxTest = 100)]
    public Property Ais_between_two_models_has_expectation_ZB_over_ZA_forward_and_ZA_over_ZB_in_reverse() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (a, b, beta) = (c.Model, c.Other, c.Beta);
            var path = Valid(Paths.Between(a, b, beta,
                (key, m) => ExactDraws.Discrete(key, m, a, beta).Match(s => s, e => throw e.ToException()),
                bridge => c.Kernel.Build(bridge, 1.0)));
            var every = Chains(a);
            Mat Matrix(double t) => c.Kernel.Matrix(new InterpolatedDiscreteEnergy(a, b, beta, t), 1.0);
            var (logZa, logZb) = (LogZ(a, beta), LogZ(b, beta));

            var forwardCalls = new List<PathCall>();
            var forward = Valid(Ais.Run(RngKey.FromSeed(1), ExactAnnealing.Recording(path, every, forwardCalls), c.Schedule, every.Chains));
            var forwardStart = ExactAnnealing.Normalised(path, every, 0.0, logZa);
            var (forwardMeasure, forwardIncrements) = ExactAnnealing.Replay(path, every, forwardCalls, forwardStart, Matrix);

            var reverseCalls = new List<PathCall>();
            var reverse = Valid(ReverseAis.Run(RngKey.FromSeed(1), ExactAnnealing.Recording(path, every, reverseCalls), c.Schedule, every, exactSamples: true));
            var reverseStart = ExactAnnealing.Normalised(path, every, 1.0, logZb);
            var (reverseMeasure, reverseIncrements) = ExactAnnealing.Replay(path, every, reverseCalls, reverseStart, Matrix);

            return Agree(forward.LogWeights, forwardIncrements)
                .And(Agree(reverse.LogWeights, reverseIncrements))
                .And(Mass(forwardStart, 1.0, "measure of A"))
                .And(Mass(reverseStart, 1.0, "measure of B"))
                .And(Mass(forwardMeasure, Math.Exp(logZb - logZa), "E[w] against Z_B / Z_A"))
                .And(Mass(reverseMeasure, Math.Exp(logZa - logZb), "E[w_rev] against Z_A / Z_B"));
        });

    private static Property Agree(Vec logWeights, double[] increments)
    {
        var worst = 0.0;
        for (var x = 0; x < increments.Length; x++) worst = Math.Max(worst, Math.Abs(logWeights[x] - increments[x]));
        return (logWeights.Length == increments.Length && worst <= LogWeightTolerance)
            .Label($"log weights differ from the replayed increments by {worst:E2}");
    }

    private static Property Mass(double[] measure, double expected, string what)
    {
        var total = measure.Sum();
        return (Math.Abs(total - expected) <= Relative * expected).Label($"{what}: {total:R} vs {expected:R} (relative {Math.Abs(total / expected - 1):E2})");
    }

    private static DiscreteChains Chains(IDiscreteModel model)
    {
        var states = ExactAnnealing.AllStates(model.Dimension, model.States == StateConvention.Spin ? -1.0 : 0.0);
        return new DiscreteChains(states, model.Energies(states));
    }

    private static double LogZ(IDiscreteModel model, double beta) =>
        Enumeration.Compute(model, beta).Match(r => r.LogZ, e => throw e.ToException());

    private static BoltzmannMachine Other(BoltzmannCase a, int[] upper, int[] biases)
    {
        var n = a.Model.Dimension;
        var couplings = Mat.Create(n, n, w =>
        {
            var k = 0;
            for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++, k++) w[i * n + j] = w[j * n + i] = upper[k] / 1000.0;
        });
        return a.With(couplings, Vec.Create(n, b =>
        {
            for (var i = 0; i < n; i++) b[i] = biases[i] / 1000.0;
        }));
    }

    private static AnnealingSchedule Points(int[] inner)
    {
        var sorted = inner.Order().Select(p => p / 1000.0);
        return AnnealingSchedule.Create(Vec.Of([0.0, .. sorted, 1.0]), "random").Match(s => s, e => throw new InvalidOperationException(string.Join("; ", e)));
    }
}
