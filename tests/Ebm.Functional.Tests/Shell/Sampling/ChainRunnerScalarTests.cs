using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Sampling;

namespace Ebm.Functional.Tests.Shell.Sampling;

/// <summary>
/// The runner takes any kernel (a composed one, one whose info reports nothing), traces the caller's named per-chain
/// scalars, reads acceptance from the infos that report it, and gives the same bits for the energy whether it is
/// traced by name or as the energy; a visitor sees each kept step's info.
/// </summary>
public sealed class ChainRunnerScalarTests
{
    private sealed record Rated(Vec AcceptanceRates) : IAcceptanceInfo;

    /// <summary>Each chain's counter moves up by one and down by its key's coin; the kernel reports acceptance 1/2.</summary>
    private static readonly KernelStep<Vec, Rated> Step = (key, x) =>
        (Vec.Create(x.Length, d =>
        {
            for (var c = 0; c < d.Length; c++) d[c] = x[c] + 1 - (key.FoldIn(c).UniformAt(0) < 0.5 ? 2 : 0);
        }), new Rated(Vec.Filled(x.Length, 0.5)));

    /// <summary>Doubles every counter, and says nothing about acceptance.</summary>
    private static readonly KernelStep<Vec, int> Double = (_, x) => (x.Map(v => 2 * v), 0);

    private static Sampler<Vec, Vec, TInfo> Sampler<TInfo>(KernelStep<Vec, TInfo> step) => new("test", x => x, step);

    private static readonly ChainScalar<Vec> Counter = new("counter", x => x);

    private static readonly ChainScalar<Vec> Parity = new("parity", x => x.Map(v => Math.Abs(v % 2)));

    private static RunSettings Settings(int steps, int burnIn, int thin) =>
        RunSettings.Create(steps, burnIn, thin).Match(Succ: s => s, Fail: e => throw new InvalidOperationException(e.Head.Message));

    [Fact]
    public void Named_scalars_are_traced_by_chain_as_a_manual_run_of_a_composed_kernel_gives_them()
    {
        var sampler = Sampler(Kernels.Sequence(Kernels.Repeat(Step, 3), Double));
        var start = Vec.Zeros(4);
        var run = ChainRunner.Run(8, sampler, start, Settings(20, 5, 2), [Counter, Parity]);

        var state = Loop.Run(ChainRunner.BurnInKey(8), start, 5, sampler.Step);
        var (_, kept) = Loop.Scan(ChainRunner.SamplingKey(8), state, 10, Kernels.Thin(sampler.Step, 2), (s, _) => s);
        var trace = new Trace<Vec>(kept);
        Assert.Equal(trace.ByChain(Counter), run.Traces.ByName("counter").Match(Succ: m => m, Fail: e => throw e.ToException()));
        Assert.Equal(trace.ByChain(Parity), run.Traces.ByName("parity").Match(Succ: m => m, Fail: e => throw e.ToException()));
        Assert.Equal(kept[^1], run.Final);
        Assert.Equal(["counter", "parity"], run.Traces.Names.ToArray());
        // Three moves at 1/2 and a doubling that reports nothing: 1/2 (summed as 1/2 / kept over the 10 kept steps).
        Assert.All(run.AcceptanceRates.ToArray(), rate => Assert.Equal(0.5, rate, 14));
        Assert.Equal(4, run.AcceptanceRates.Length);
    }

    [Fact]
    public void The_visitor_sees_each_kept_steps_info_once_in_order_with_its_index()
    {
        // The info is the state the step produced, so the kept steps' infos are the kept states of a manual thinned run.
        KernelStep<Vec, Vec> reporting = (key, x) =>
        {
            var (next, _) = Step(key, x);
            return (next, next);
        };
        var sampler = Sampler(reporting);
        var seen = new List<(int Index, Vec Info)>();
        var run = ChainRunner.Run(3, sampler, Vec.Zeros(3), Settings(12, 4, 3), [Counter], visit: (t, info) => seen.Add((t, info)));

        var state = Loop.Run(ChainRunner.BurnInKey(3), Vec.Zeros(3), 4, sampler.Step);
        var (_, kept) = Loop.Scan(ChainRunner.SamplingKey(3), state, 4, Kernels.Thin(sampler.Step, 3), (_, info) => info);
        Assert.Equal([0, 1, 2, 3], seen.Select(v => v.Index));
        Assert.Equal(kept, seen.Select(v => v.Info));
        Assert.Equal(kept[^1], run.Final);
    }

    [Fact]
    public void A_missing_name_is_an_error_that_names_the_traced_scalars()
    {
        var run = ChainRunner.Run(1, Sampler(Step), Vec.Zeros(2), Settings(5, 0, 1), [Counter, Parity]);
        var message = run.Traces.ByName("energy").Match(Succ: _ => "found", Fail: e => e.Message);
        Assert.Equal("trace: none is called \"energy\"; traced: counter, parity", message);
    }

    [Fact]
    public void The_energy_traced_by_name_has_the_bits_of_the_energy_run()
    {
        var named = ChainRunner.Run(3, Sampler(Step), Vec.Zeros(5), Settings(30, 4, 3), [new ChainScalar<Vec>("energy", x => x)]);
        var plain = ChainRunner.Run(3, Sampler(Step), Vec.Zeros(5), Settings(30, 4, 3), x => x);
        Assert.Equal(plain.Traces.Values, named.Traces.Values);
        Assert.Equal(plain.AcceptanceRates, named.AcceptanceRates);
        Assert.Equal(plain.Traces.Energies(), plain.Traces.ByName("energy").Match(Succ: m => m, Fail: e => throw e.ToException()));
    }

    [Fact]
    public void A_kernel_whose_info_reports_no_acceptance_runs_and_reports_none()
    {
        var run = ChainRunner.Run(2, Sampler(Kernels.Sequence(Double, Double)), Vec.Filled(3, 1.0), Settings(4, 0, 1), [Counter]);
        Assert.Equal(Vec.Empty, run.AcceptanceRates);
        Assert.Equal(Vec.Filled(3, 256.0), run.Final);
    }

    [Fact]
    public void Acceptance_is_the_mean_over_the_kept_steps_that_report_it()
    {
        // Each kept step is either the reporting step (acceptance 1/2) or the silent doubling.
        var mixture = Kernels.Mixture([1.0, 1.0], [Kernels.MapInfo(Step, i => (object)i), Kernels.MapInfo(Double, i => (object)i)]);
        var run = ChainRunner.Run(6, Sampler(mixture), Vec.Zeros(2), Settings(50, 0, 1), [Counter]);
        Assert.Equal(2, run.AcceptanceRates.Length);
        Assert.All(run.AcceptanceRates.ToArray(), rate => Assert.Equal(0.5, rate, 14));
    }

    [Fact]
    public void Scalars_without_a_name_twice_named_or_none_are_refused()
    {
        var settings = Settings(5, 0, 1);
        Assert.Throws<ArgumentException>(() => ChainRunner.Run(1, Sampler(Step), Vec.Zeros(2), settings, Array.Empty<ChainScalar<Vec>>()));
        Assert.Throws<ArgumentException>(() => ChainRunner.Run(1, Sampler(Step), Vec.Zeros(2), settings, [Counter, Counter with { PerChain = x => x }]));
        Assert.Throws<ArgumentException>(() => ChainRunner.Run(1, Sampler(Step), Vec.Zeros(2), settings, [Counter with { Name = " " }]));
    }
}
