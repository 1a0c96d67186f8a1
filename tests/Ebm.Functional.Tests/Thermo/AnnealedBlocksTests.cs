using Ebm.Functional.Estimators;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using static Ebm.Functional.Tests.Thermo.ThermoSweepTests;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// <see cref="ThermoSweep.Annealed"/> cut into blocks of 1,024 particles (<see cref="ThermoSweep.AnnealBlock(RngKey, IEnergyModel, IReadOnlyList{double}, AnnealedSettings, int, IProgress{double}?)"/>,
/// <see cref="ThermoSweep.CombineAnnealed"/>): the blocks of a run, run apart and combined, are the run bit for bit; a
/// block is an annealing run of its own with the block's key; several blocks land on the exact values.
/// </summary>
/// <remarks>
/// The comparison with enumeration is |estimate - exact| &lt;= 4 sigma per quantity (<see cref="ThermoSweepTests"/>'s
/// Within), sigma the run's own standard error: a correct estimator with a correct error bar fails one comparison with
/// probability 6.3e-5; the run makes 3 betas x 8 quantities = 24 comparisons (false failure about 1.5e-3), with fixed
/// keys, so a passing run stays passing.
/// </remarks>
public sealed class AnnealedBlocksTests
{
    private static readonly double[] Betas = [0.2, 0.4, 0.6];

    private static IEnergyModel Potts() =>
        PottsModel.Create(3, 3, 3, 1.0, 0.0, Boundary.Periodic).Match(m => (IEnergyModel)m, e => throw new InvalidOperationException(e.Head.Message));

    private static IEnergyModel Machine() =>
        BoltzmannMachine.Create(Mat.FromRows([[0, 0.4, -0.2], [0.4, 0, 0.3], [-0.2, 0.3, 0]]), Vec.Of(0.1, -0.2, 0.3), StateConvention.Spin)
            .Match(m => (IEnergyModel)m, e => throw new InvalidOperationException(e.Head.Message));

    public static TheoryData<string> Models => new() { "ising-4x4", "ising-3x3", "potts-3x3", "machine" };

    private static IEnergyModel Named(string name) => name switch
    {
        "ising-4x4" => Torus(4),
        "ising-3x3" => Torus(3),
        "potts-3x3" => Potts(),
        _ => Machine(),
    };

    private static AnnealedBlock[] Blocks(RngKey key, IEnergyModel model, IReadOnlyList<double> betas, AnnealedSettings settings) =>
        Enumerable.Range(0, ThermoSweep.AnnealedBlockCount(settings.Particles))
            .Select(b => Ok(ThermoSweep.AnnealBlock(key, model, betas, settings, b))).ToArray();

    [Theory]
    [MemberData(nameof(Models))]
    public void The_blocks_run_apart_and_combined_are_the_run_bit_for_bit(string name)
    {
        var (model, key) = (Named(name), RngKey.FromSeed(71));
        foreach (var particles in new[] { 300, 1024, 1025, 2500 })
        {
            var settings = new AnnealedSettings(particles, Substeps: 2);
            var blocks = Blocks(key, model, Betas, settings);
            Assert.Equal((particles + 1023) / 1024, blocks.Length);
            Assert.Equal(Ok(ThermoSweep.Annealed(key, model, Betas, settings)), Ok(ThermoSweep.CombineAnnealed(model, Betas, settings, blocks)));
        }
    }

    [Fact]
    public void A_run_of_one_block_keeps_the_runs_key_and_a_block_of_several_is_a_run_of_its_own_with_the_key_folded_with_its_index()
    {
        var (model, key) = (Torus(4), RngKey.FromSeed(72));
        var settings = new AnnealedSettings(2500, Substeps: 2);
        var blocks = Blocks(key, model, Betas, settings);
        for (var b = 0; b < blocks.Length; b++)
        {
            var alone = settings with { Particles = b < 2 ? 1024 : 452 };
            Assert.Equal(Ok(ThermoSweep.Annealed(key.FoldIn(b), model, Betas, alone)), Ok(ThermoSweep.CombineAnnealed(model, Betas, alone, [blocks[b] with { Block = 0 }])));
        }

        // One block: the run's own key, so every run of at most 1,024 particles keeps its bits.
        var small = new AnnealedSettings(700, Substeps: 2);
        var one = Ok(ThermoSweep.AnnealBlock(key, model, Betas, small, 0));
        Assert.Equal(700, one.Points[0].LogWeights.Length);
        Assert.Equal(Ok(ThermoSweep.Annealed(key, model, Betas, small)), Ok(ThermoSweep.CombineAnnealed(model, Betas, small, [one])));
    }

    [Fact]
    public void Three_blocks_on_the_4x4_torus_match_enumeration()
    {
        var model = Torus(4);
        var exact = Ok(ThermoSweep.Exact(model, Betas, ExactMethod.Enumeration)).ToArray();
        var swept = Ok(ThermoSweep.Annealed(RngKey.FromSeed(73), model, Betas, new AnnealedSettings(2500)));
        WithinExact(swept.ToArray(), exact, slope: false);
    }

    [Fact]
    public void Every_point_of_a_block_holds_its_particles_and_the_order_parameter_of_spin_and_categorical_models()
    {
        var settings = new AnnealedSettings(1500, Substeps: 1);
        var ising = Ok(ThermoSweep.AnnealBlock(RngKey.FromSeed(74), Torus(4), Betas, settings, 1));
        Assert.Equal(1, ising.Block);
        Assert.Equal(3, ising.Points.Count);
        Assert.All(ising.Points, p =>
        {
            Assert.Equal(476, p.LogWeights.Length);
            Assert.Equal(476, p.Energies.Length);
            Assert.Equal(476, p.Orders.Match(o => o.Length, () => 0));
        });
        var potts = Ok(ThermoSweep.AnnealBlock(RngKey.FromSeed(74), Potts(), [0.0, 0.5], settings, 0));
        Assert.All(potts.Points[0].LogWeights.Span.ToArray(), w => Assert.Equal(0.0, w));   // beta = 0 is the start
        Assert.True(potts.Points[1].Orders.IsSome);
    }

    [Fact]
    public void Blocks_that_do_not_make_up_the_run_are_errors()
    {
        var (model, key) = (Torus(4), RngKey.FromSeed(75));
        var settings = new AnnealedSettings(2100, Substeps: 1);
        var blocks = Blocks(key, model, Betas, settings);
        AssertMismatch(ThermoSweep.CombineAnnealed(model, Betas, settings, blocks.Take(2).ToArray()), "2 blocks given");
        AssertMismatch(ThermoSweep.CombineAnnealed(model, Betas, settings, [blocks[1], blocks[0], blocks[2]]), "block 1 given in place 0");
        AssertMismatch(ThermoSweep.CombineAnnealed(model, Betas, settings with { Particles = 2200 }, blocks), "does not hold 152 particles");
        AssertMismatch(ThermoSweep.CombineAnnealed(model, [0.2, 0.4], settings, blocks), "has 3 points, the grid has 2");
        var error = ThermoSweep.AnnealBlock(key, model, Betas, settings, 3).Match(_ => throw new InvalidOperationException("no error"), e => e);
        Assert.Equal(AnnealingEstimatorErrors.InvalidBlockCode, error.Code);
        Assert.True(ThermoSweep.AnnealBlock(key, model, Betas, settings, -1).IsFail);
        Assert.True(ThermoSweep.AnnealBlock(key, model, Betas, settings with { Particles = 1 }, 0).IsFail);
    }

    private static void AssertMismatch(Fin<Seq<ThermoPoint>> combined, string reason)
    {
        var error = combined.Match(_ => throw new InvalidOperationException("no error"), e => e);
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, error.Code);
        Assert.Contains(reason, error.Message);
    }
}
