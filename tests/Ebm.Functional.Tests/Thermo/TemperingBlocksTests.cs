using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// Parallel tempering with its rungs in blocks (<see cref="TemperingBlocks"/>, <see cref="TemperingCoordinator"/>) gives
/// <see cref="ThermoSweep.Sample"/>'s samples bit for bit for every rung state type (multi-spin and byte Ising lattices,
/// Potts, a general discrete model) and any layout; rungs that change block travel as <see cref="RungTransfer"/>s.
/// </summary>
public sealed class TemperingBlocksTests
{
    /// <summary>Six betas, so seven rungs with the one added at beta = 0: blocks of one rung take chains from two blocks away.</summary>
    private static readonly double[] Grid = [0.1, 0.2, 0.3, 0.45, 0.6, 0.8];

    private static readonly TemperingSettings Settings = new(Chains: 3, Sweeps: 64, BurnIn: 12);

    public static TheoryData<string, int> Layouts()
    {
        var data = new TheoryData<string, int>();
        foreach (var model in new[] { "ising-4x4", "ising-3x3", "potts-3x3", "spin-machine", "binary-machine" })
            foreach (var blocks in new[] { 1, 2, 3, 7 })
                data.Add(model, blocks);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Blocks_give_the_local_samples_bit_for_bit(string model, int blocks)
    {
        var key = RngKey.FromSeed(31);
        var local = ThermoSweepTests.Ok(ThermoSweep.Sample(key, Model(model), Grid, Settings));
        var plan = ThermoSweepTests.Ok(ThermoSweep.Plan(Model(model), Grid, Settings));
        Assert.Equal(7, plan.Ladder.Count);
        var blocked = ThermoSweepTests.Ok(TemperingCoordinator.Run(key, plan, new TemperingMemoryBlocks(key, plan, TemperingBlocks.Layout(plan.Ladder.Count, blocks))));
        AssertSameBits(local, blocked);
    }

    [Fact]
    public void An_uneven_layout_and_no_burn_in_give_the_local_samples_bit_for_bit()
    {
        var key = RngKey.FromSeed(8);
        var settings = Settings with { BurnIn = 0 };
        var local = ThermoSweepTests.Ok(ThermoSweep.Sample(key, Model("potts-3x3"), Grid, settings));
        var plan = ThermoSweepTests.Ok(ThermoSweep.Plan(Model("potts-3x3"), Grid, settings));
        var layout = LanguageExt.Prelude.Seq(new RungRange(0, 1), new RungRange(1, 5), new RungRange(6, 1));
        AssertSameBits(local, ThermoSweepTests.Ok(TemperingCoordinator.Run(key, plan, new TemperingMemoryBlocks(key, plan, layout))));
    }

    [Fact]
    public void The_coordinator_reports_the_fractions_the_local_run_reports()
    {
        var key = RngKey.FromSeed(2);
        var (local, blocked) = (new List<double>(), new List<double>());
        ThermoSweepTests.Ok(ThermoSweep.Sample(key, Model("ising-4x4"), Grid, Settings, new Recorder(local)));
        var plan = ThermoSweepTests.Ok(ThermoSweep.Plan(Model("ising-4x4"), Grid, Settings));
        ThermoSweepTests.Ok(TemperingCoordinator.Run(key, plan, new TemperingMemoryBlocks(key, plan, TemperingBlocks.Layout(7, 2)), new Recorder(blocked)));
        Assert.Equal(local, blocked);
    }

    [Fact]
    public void Layouts_are_balanced_and_exports_reach_two_rungs()
    {
        Assert.Equal(LanguageExt.Prelude.Seq(new RungRange(0, 3), new RungRange(3, 2), new RungRange(5, 2)), TemperingBlocks.Layout(7, 3));
        Assert.Equal(7, TemperingBlocks.Layout(7, 20).Count);
        Assert.Equal(LanguageExt.Prelude.Seq(3, 4), TemperingBlocks.Exported(new RungRange(3, 2), 7));
        Assert.Equal(LanguageExt.Prelude.Seq(5, 6), TemperingBlocks.Exported(new RungRange(5, 2), 7));
        Assert.Equal(LanguageExt.Prelude.Seq(1, 2), TemperingBlocks.Exported(new RungRange(0, 3), 7));
        Assert.True(TemperingBlocks.Exported(new RungRange(0, 7), 7).IsEmpty);
        Assert.True(TemperingBlocks.Check(LanguageExt.Prelude.Seq(new RungRange(0, 3), new RungRange(4, 3)), 7).IsFail);
    }

    [Fact]
    public void A_step_out_of_order_is_an_error()
    {
        var plan = ThermoSweepTests.Ok(ThermoSweep.Plan(Model("ising-3x3"), Grid, Settings));
        var block = ThermoSweepTests.Ok(TemperingBlocks.Open(RngKey.FromSeed(1), plan, new RungRange(0, 3)));
        var error = block.Advance(1, null, []).Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);
        Assert.Equal(TemperingBlockErrors.BadExchangeCode, error.Code);
    }

    private static void AssertSameBits(TemperingSamples expected, TemperingSamples actual)
    {
        Assert.Equal(expected.Betas, actual.Betas);
        Assert.Equal(expected.Units, actual.Units);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.LogZAtZero), BitConverter.DoubleToInt64Bits(actual.LogZAtZero));
        AssertSameMats(expected.Energies, actual.Energies);
        Assert.Equal(expected.Magnetisations.IsSome, actual.Magnetisations.IsSome);
        expected.Magnetisations.IfSome(m => AssertSameMats(m, actual.Magnetisations.IfNone(LanguageExt.Seq<Mat>.Empty)));
    }

    private static void AssertSameMats(Seq<Mat> expected, Seq<Mat> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Rows, e.Columns), (a.Rows, a.Columns));
            Assert.True(e.Span.SequenceEqual(a.Span));
        }
    }

    internal static IEnergyModel Model(string name) => name switch
    {
        "ising-4x4" => ThermoSweepTests.Torus(4),
        "ising-3x3" => ThermoSweepTests.Torus(3),
        "potts-3x3" => PottsModel.Create(3, 3, 3, 1.0, 0.0, Boundary.Periodic).Match(m => (IEnergyModel)m, e => throw new InvalidOperationException(e.Head.Message)),
        _ => BoltzmannMachine.Create(
                Mat.FromRows([[0.0, 1.0, -0.5, 0.3], [1.0, 0.0, 0.25, -0.7], [-0.5, 0.25, 0.0, 0.6], [0.3, -0.7, 0.6, 0.0]]), Vec.Of(0.1, -0.2, 0.3, 0.0),
                name == "spin-machine" ? StateConvention.Spin : StateConvention.Binary)
            .Match(m => (IEnergyModel)m, e => throw new InvalidOperationException(e.Head.Message)),
    };

    private sealed class Recorder(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
