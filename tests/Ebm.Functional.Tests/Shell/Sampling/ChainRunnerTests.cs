using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Sampling;

namespace Ebm.Functional.Tests.Shell.Sampling;

/// <summary>
/// The runner derives its keys as documented, discards burn-in, thins, records and reports progress;
/// checked against a manual run of the same kernel with the same keys.
/// </summary>
public sealed class ChainRunnerTests
{
    private sealed record FlipInfo(Vec AcceptanceRates) : IAcceptanceInfo;

    /// <summary>Each chain flips one {0,1} unit picked by its own key; "energy" = number of ones; acceptance 1/2 per step.</summary>
    private static readonly Sampler<Mat, DiscreteChains, FlipInfo> Flipper = new(
        "flipper",
        start => new DiscreteChains(start, Ones(start)),
        (key, state) =>
        {
            var next = Mat.Create(state.Chains, state.Dimension, d =>
            {
                state.States.Span.CopyTo(d);
                for (var c = 0; c < state.Chains; c++)
                {
                    var site = (int)(key.FoldIn(c).UniformAt(0) * state.Dimension);
                    d[c * state.Dimension + site] = 1 - d[c * state.Dimension + site];
                }
            });
            return (new DiscreteChains(next, Ones(next)), new FlipInfo(Vec.Filled(state.Chains, 0.5)));
        });

    private static Vec Ones(Mat states) => Vec.Create(states.Rows, d =>
    {
        for (var c = 0; c < states.Rows; c++)
        foreach (var x in states.Row(c)) d[c] += x;
    });

    private static RunSettings Settings(int steps, int burnIn, int thin) =>
        RunSettings.Create(steps, burnIn, thin).Match(s => s, e => throw new InvalidOperationException(e.Head.Message));

    [Fact]
    public void A_run_equals_burn_in_then_thinned_steps_with_the_documented_keys()
    {
        var start = Mat.Zeros(3, 5);
        var run = ChainRunner.Run(99, Flipper, start, Settings(12, 4, 3), s => s.Energies, s => s.States);

        var state = Loop.Run(RngKey.FromSeed(99).FoldIn(0), Flipper.Init(start), 4, Flipper.Step);
        var sampling = RngKey.FromSeed(99).FoldIn(1);
        for (var kept = 0; kept < 4; kept++)
        {
            var stepKey = sampling.FoldIn(kept);
            for (var t = 0; t < 3; t++) (state, _) = Flipper.Step(stepKey.FoldIn(t), state);
            Assert.Equal(state.States, run.Samples[kept]);
            Assert.Equal(state.Energies.ToArray(), run.Energies.Row(kept).ToArray());
        }

        Assert.Equal(state, run.Final);
        Assert.Equal(99UL, run.Seed);
        Assert.Equal(Vec.Filled(3, 0.5), run.AcceptanceRates);
        Assert.Equal(run.Energies.Transpose(), run.EnergiesByChain);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_does_not()
    {
        var start = Mat.Zeros(4, 16);
        var a = ChainRunner.Run(5, Flipper, start, Settings(50, 10, 1), s => s.Energies, s => s.States);
        var b = ChainRunner.Run(5, Flipper, start, Settings(50, 10, 1), s => s.Energies, s => s.States);
        var c = ChainRunner.Run(6, Flipper, start, Settings(50, 10, 1), s => s.Energies, s => s.States);
        Assert.Equal(a.Energies, b.Energies);
        Assert.NotEqual(a.Final.States, c.Final.States);
    }

    [Fact]
    public void Progress_rises_through_both_phases_to_one()
    {
        var reports = new List<double>();
        ChainRunner.Run(1, Flipper, Mat.Zeros(1, 3), Settings(300, 100, 1), s => s.Energies, s => s.States, new Recorder(reports));
        Assert.NotEmpty(reports);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Item2 >= p.Item1), "progress never goes back");
        Assert.Equal(1.0, reports[^1], 12);
        Assert.Contains(reports, r => r <= 0.25);
    }

    [Fact]
    public void Bad_settings_are_all_reported()
    {
        var errors = RunSettings.Create(-1, -2, 0).Match(_ => throw new InvalidOperationException("expected errors"), e => e.ToList());
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Message.StartsWith("steps:"));
        Assert.Contains(errors, e => e.Message.StartsWith("burn-in:"));
        Assert.Contains(errors, e => e.Message.StartsWith("thin:"));
        Assert.True(RunSettings.Create(5, 0, 10).IsFail);
    }

    private sealed class Recorder(List<double> into) : IProgress<double>
    {
        public void Report(double value) => into.Add(value);
    }
}
