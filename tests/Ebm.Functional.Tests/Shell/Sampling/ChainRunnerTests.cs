using System.Runtime.CompilerServices;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Sampling;

namespace Ebm.Functional.Tests.Shell.Sampling;

/// <summary>
/// The runner derives its keys as documented, discards burn-in, thins, records the energy and observable
/// traces, hands each kept state to the sink and to no one else, and reports progress; checked against a
/// manual run of the same kernel with the same keys.
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

    /// <summary>Per chain: the number of ones and the first unit, a two-column observable block.</summary>
    private static Mat TwoObservables(DiscreteChains s) => Mat.Create(s.Chains, 2, d =>
    {
        for (var c = 0; c < s.Chains; c++)
        {
            d[2 * c] = s.Energies[c];
            d[2 * c + 1] = s.States[c, 0];
        }
    });

    [Fact]
    public void A_run_equals_burn_in_then_thinned_steps_with_the_documented_keys()
    {
        var start = Mat.Zeros(3, 5);
        var sunk = new List<(int Step, Mat States)>();
        var run = ChainRunner.Run(99, Flipper, start, Settings(12, 4, 3), s => s.Energies, TwoObservables, (t, s) => sunk.Add((t, s.States)));

        var state = Loop.Run(RngKey.FromSeed(99).FoldIn(0), Flipper.Init(start), 4, Flipper.Step);
        var sampling = RngKey.FromSeed(99).FoldIn(1);
        var energies = run.Traces.Energies();
        var (ones, first) = (run.Traces.Observable(0), run.Traces.Observable(1));
        for (var kept = 0; kept < 4; kept++)
        {
            var stepKey = sampling.FoldIn(kept);
            for (var t = 0; t < 3; t++) (state, _) = Flipper.Step(stepKey.FoldIn(t), state);
            Assert.Equal((kept, state.States), sunk[kept]);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(state.Energies[c], energies[c, kept]);
                Assert.Equal(state.Energies[c], ones[c, kept]);
                Assert.Equal(state.States[c, 0], first[c, kept]);
            }
        }

        Assert.Equal(4, sunk.Count);
        Assert.Equal(state, run.Final);
        Assert.Equal(99UL, run.Seed);
        Assert.Equal((3, 2, 4), (run.Traces.Chains, run.Traces.Observables, run.Traces.Kept));
        Assert.Equal(Vec.Filled(3, 0.5), run.AcceptanceRates);
        Assert.Equal(energies, run.EnergiesByChain);
        Assert.Equal(energies.Transpose(), run.Energies);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_does_not()
    {
        var start = Mat.Zeros(4, 16);
        var a = ChainRunner.Run(5, Flipper, start, Settings(50, 10, 1), s => s.Energies);
        var b = ChainRunner.Run(5, Flipper, start, Settings(50, 10, 1), s => s.Energies);
        var c = ChainRunner.Run(6, Flipper, start, Settings(50, 10, 1), s => s.Energies);
        Assert.Equal(a.Traces, b.Traces);
        Assert.NotEqual(a.Final.States, c.Final.States);
    }

    /// <summary>
    /// 4 chains x 64 units, 200 kept steps: every state the kernel produces is tracked by a weak reference. Without a
    /// sink, after a full collection only the final state may be alive (the run holds it); a runner that kept the
    /// states would hold all 200 (6.4 MB here, 12.8 GB for 1,000 chains x 100,000 steps of 16 spins).
    /// </summary>
    [Fact]
    public void Kept_states_are_not_retained_when_no_sink_is_given()
    {
        var produced = new List<WeakReference>();
        var run = RunTracked(produced);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var alive = produced.Where(w => w.IsAlive).ToList();
        Assert.True(alive.Count <= 1, $"{alive.Count} of {produced.Count} states are still alive");
        Assert.True(alive.All(w => ReferenceEquals(w.Target, run.Final.States)));
        Assert.Equal(200, run.Traces.Kept);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ChainRun<DiscreteChains> RunTracked(List<WeakReference> produced)
    {
        var tracked = Flipper with
        {
            Step = (key, state) =>
            {
                var (next, info) = Flipper.Step(key, state);
                produced.Add(new WeakReference(next.States));
                return (next, info);
            },
        };
        return ChainRunner.Run(3, tracked, Mat.Zeros(4, 64), Settings(200, 0, 1), s => s.Energies, TwoObservables);
    }

    [Fact]
    public void The_traces_cost_eight_bytes_per_chain_kept_step_and_quantity()
    {
        Assert.Equal(8L * 1000 * 100_000 * 2, ChainTraces.Bytes(1000, 100_000, 1));
        Assert.True(ChainTraces.Fit(4, 1000, 16));
        Assert.False(ChainTraces.Fit(100_000, 100_000_000, 0));
        var run = ChainRunner.Run(1, Flipper, Mat.Zeros(3, 4), Settings(30, 0, 3), s => s.Energies, TwoObservables);
        Assert.Equal(ChainTraces.Bytes(3, 10, 2), 8L * run.Traces.Values.Span.Length);
    }

    [Fact]
    public void Progress_rises_through_both_phases_to_one()
    {
        var reports = new List<double>();
        ChainRunner.Run(1, Flipper, Mat.Zeros(1, 3), Settings(300, 100, 1), s => s.Energies, progress: new Recorder(reports));
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
