using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using Xunit.Abstractions;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

public sealed class EvaluationVisibleModelTests(ITestOutputHelper output)
{
    /// <summary>P(|Z| &gt; 4) = 6.3e-5 for a normal estimator: delta of each comparison with an estimate's standard error.</summary>
    private const double Z = 4.0;

    private static T Valid<T>(Fin<T> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static double Value(Seq<Metric> metrics, string name) =>
        metrics.Find(m => m.Name == name).Match(m => m.Value, () => throw new Xunit.Sdk.XunitException($"no metric {name}"));

    /// <summary>n units with couplings W_ij = scale sin(i + 2 j) (i &lt; j, mirrored) and biases 0.3 cos(i).</summary>
    private static BoltzmannMachine Machine(int n, double scale, StateConvention states) =>
        BoltzmannMachine.Create(
            Mat.Create(n, n, d =>
            {
                for (var i = 0; i < n; i++)
                    for (var j = 0; j < n; j++)
                        if (i != j) d[i * n + j] = scale * Math.Sin(Math.Min(i, j) + 2 * Math.Max(i, j));
            }),
            Vec.Create(n, d => { for (var i = 0; i < n; i++) d[i] = 0.3 * Math.Cos(i); }),
            states).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static double[] State(int x, int n, StateConvention states) =>
        Enumerable.Range(0, n).Select(i => ((x >> i) & 1) == 1 ? 1.0 : states == StateConvention.Spin ? -1.0 : 0.0).ToArray();

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void Exact_log_likelihood_and_pseudo_log_likelihood_match_sums_over_every_state(StateConvention states)
    {
        const int n = 5;
        var model = Machine(n, 0.7, states);
        var train = Mat.FromRows([State(3, n, states), State(17, n, states), State(30, n, states)]);
        var test = Mat.FromRows([State(0, n, states), State(21, n, states)]);
        var logZ = LogSpace.LogSumExp(Enumerable.Range(0, 1 << n).Select(x => -model.Energy(State(x, n, states))).ToArray());
        // log p(x_i | x_-i) = -E(x) - log(exp(-E(x)) + exp(-E(x with i flipped))), by definition.
        double Pll(Mat data) => Enumerable.Range(0, data.Rows).Average(r =>
        {
            var x = data.Row(r).ToArray();
            return Enumerable.Range(0, n).Sum(i =>
            {
                var flipped = (double[])x.Clone();
                flipped[i] = x[i] == 1 ? (states == StateConvention.Spin ? -1 : 0) : 1;
                return -model.Energy(x) - LogSpace.LogSumExp([-model.Energy(x), -model.Energy(flipped)]);
            });
        });

        var metrics = Valid(Evaluation.ForBoltzmannMachine().Evaluate(RngKey.FromSeed(1), model, train, Some(test), Seq<Mat>()));

        Assert.Equal(Enumerable.Range(0, train.Rows).Average(r => -model.Energy(train.Row(r))) - logZ, Value(metrics, EvaluationMetrics.TrainLogLikelihood), 12);
        Assert.Equal(Enumerable.Range(0, test.Rows).Average(r => -model.Energy(test.Row(r))) - logZ, Value(metrics, EvaluationMetrics.TestLogLikelihood), 12);
        Assert.Equal(Pll(train), Value(metrics, EvaluationMetrics.TrainPseudoLogLikelihood), 12);
        Assert.Equal(Pll(test), Value(metrics, EvaluationMetrics.TestPseudoLogLikelihood), 12);
    }

    [Fact]
    public void Ais_log_likelihood_of_a_boltzmann_machine_lies_within_its_error_bar_and_the_sandwich_brackets_log_z()
    {
        // 12 units, couplings up to 0.5: AIS forced, 100 particles, 500 linear steps of heat-bath sweeps, sandwich from exact draws.
        var model = Machine(12, 0.5, StateConvention.Binary);
        var data = Valid(ExactDraws.Discrete(RngKey.FromSeed(2), 50, model, 1.0));
        var exact = Valid(Evaluation.ForBoltzmannMachine().Evaluate(RngKey.FromSeed(3), model, data, None, Seq<Mat>()));
        var ais = Valid(Evaluation.ForBoltzmannMachine(new EvaluationSettings(ExactMaxUnits: 0, AisSteps: 500))
            .Evaluate(RngKey.FromSeed(3), model, data, None, Seq<Mat>()));
        var (exactLl, exactLogZ) = (Value(exact, EvaluationMetrics.TrainLogLikelihood), Value(exact, EvaluationMetrics.LogPartition));
        var se = Value(ais, EvaluationMetrics.TrainLogLikelihoodStandardError);

        output.WriteLine($"exact {exactLl:G8}, AIS {Value(ais, EvaluationMetrics.TrainLogLikelihood):G8} ± {se:G3}");
        Assert.InRange(se, 1e-6, 0.1);
        Assert.True(Math.Abs(Value(ais, EvaluationMetrics.TrainLogLikelihood) - exactLl) <= Z * se);
        Assert.True(Value(ais, EvaluationMetrics.LogPartitionLower) - Z * se <= exactLogZ);
        Assert.True(Value(ais, EvaluationMetrics.LogPartitionUpper) + Z * Value(ais, EvaluationMetrics.LogPartitionUpperStandardError) >= exactLogZ);
    }

    [Fact]
    public void R_hat_is_near_one_for_chains_at_equilibrium_and_large_for_chains_stuck_in_two_modes()
    {
        // Stationary: 16 exact draws of a weakly coupled machine, 100 sweeps each. Split R-hat of 32 half-chains of 50
        // nearly independent draws: R-hat^2 - 1 is about tau (chi^2_31 / 31 - 1) / 50, above 0.2 with negligible probability.
        var weak = Machine(8, 0.2, StateConvention.Spin);
        var atEquilibrium = Valid(ExactDraws.Discrete(RngKey.FromSeed(4), 16, weak, 1.0));
        var settings = new EvaluationSettings(ChainSteps: 100);
        var mixed = Value(Valid(Evaluation.ForBoltzmannMachine(settings).Evaluate(RngKey.FromSeed(5), weak, atEquilibrium, None, Seq1(atEquilibrium))), EvaluationMetrics.ChainRHat);

        // Stuck: couplings +0.4 between 8 spins, biases 0.1, half the chains all up and half all down. A spin leaves its
        // mode with probability about exp(-5.6) per sweep, and crossing to the other mode means climbing 12.8 in energy
        // (four spins flipped), probability about exp(-12.8) = 3e-6 per sweep: the chains fluctuate inside their modes and disagree.
        var ferromagnet = BoltzmannMachine.Create(Mat.Create(8, 8, d => { for (var k = 0; k < 64; k++) d[k] = k % 9 == 0 ? 0 : 0.4; }), Vec.Filled(8, 0.1), StateConvention.Spin)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var twoModes = Mat.Create(16, 8, d => { for (var k = 0; k < d.Length; k++) d[k] = k / 8 % 2 == 0 ? 1 : -1; });
        var stuck = Value(Valid(Evaluation.ForBoltzmannMachine(settings).Evaluate(RngKey.FromSeed(5), ferromagnet, twoModes, None, Seq1(twoModes))), EvaluationMetrics.ChainRHat);

        output.WriteLine($"R-hat at equilibrium {mixed:G4}, stuck in two modes {stuck:G4}");
        Assert.InRange(mixed, 0.9, 1.1);
        Assert.True(stuck > 1.5, $"R-hat of chains stuck in two modes is {stuck}");
    }
}
