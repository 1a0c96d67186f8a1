using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;
using static Ebm.Functional.Tests.Thermo.ThermoSweepTests;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// The thermodynamic sweeps on the multi-spin coded checkerboard (periodic Ising lattices with even sides) against
/// exact enumeration, and on the byte checkerboard where the packing does not apply.
/// </summary>
/// <remarks>
/// Every comparison is |estimate - exact| &lt;= z sigma with z = 4 (<see cref="ThermoSweepTests"/>'s Within), sigma the
/// run's own standard error: a correct estimator with a correct error bar fails one comparison with probability
/// 2 (1 - Phi(4)) = 6.3e-5. Per run the comparisons are log Z, U, F, S, C and, with order moments, &lt;|m|&gt;, chi and
/// U_4 at each beta (pt adds C from the slope): the 4 x 4 pt run makes 6 betas x 9 = 54, the 2 x 2 pt run 54, the
/// 4 x 4 AIS run 6 x 8 = 48, the 2 x 2 AIS run 48, the reweighting run 11 x 8 = 88, the 4 x 4 run with J = -1, h = 0.2
/// 4 x 9 = 36, the 3 x 3 byte-kernel run 54 and the README example on the 16 x 16 torus, against Kaufman (no order
/// moments), 4 x 5 = 20: 402 comparisons, so the whole class fails by chance with probability about
/// 402 x 6.3e-5 = 2.5 %, and the keys are fixed, so a passing run stays passing.
/// </remarks>
public sealed class MultiSpinSweepTests
{
    private static readonly double[] Betas = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

    private static readonly TemperingSettings Long = new(Chains: 4, Sweeps: 4000, BurnIn: 200);

    private static IsingModel Lattice(int rows, int columns, double coupling, double field, Boundary boundary) =>
        IsingModel.Create(rows, columns, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static void MatchesEnumeration(IsingModel model, Func<IReadOnlyList<double>, Seq<ThermoPoint>> run, IReadOnlyList<double> betas, bool slope)
    {
        var exact = Ok(ThermoSweep.Exact(model, betas, ExactMethod.Enumeration)).ToArray();
        WithinExact(run(betas).ToArray(), exact, slope);
    }

    [Fact]
    public void Periodic_lattices_with_even_sides_are_swept_multi_spin_coded_and_the_others_byte_by_byte()
    {
        Assert.Equal("multispin-metropolis", ThermoSweep.IsingKernel(Torus(4)));
        Assert.Equal("multispin-metropolis", ThermoSweep.IsingKernel(Torus(2)));
        Assert.Equal("multispin-metropolis", ThermoSweep.IsingKernel(Lattice(4, 6, -1.0, 0.3, Boundary.Periodic)));
        Assert.Equal("checkerboard-metropolis", ThermoSweep.IsingKernel(Torus(3)));
        Assert.Equal("checkerboard-metropolis", ThermoSweep.IsingKernel(Lattice(4, 4, 1.0, 0.0, Boundary.Open)));
        Assert.Equal("checkerboard-metropolis", ThermoSweep.IsingKernel(Lattice(4, 5, 1.0, 0.0, Boundary.Periodic)));
    }

    [Fact]
    public void The_recorded_energies_are_those_of_parallel_tempering_over_the_multi_spin_kernel()
    {
        // The documented keys: starting states from key.FoldIn(0), burn-in from FoldIn(1), recorded sweeps from FoldIn(2).
        var (model, key) = (Torus(4), RngKey.FromSeed(19));
        var settings = new TemperingSettings(Chains: 3, Sweeps: 64, BurnIn: 5);
        var samples = Ok(ThermoSweep.Sample(key, model, [0.2, 0.4], settings));
        var ladder = samples.Betas.ToArray();
        var kernels = ladder.Select(b => Ok(MultiSpinCheckerboard.Create(model, b))).ToArray();
        var pt = ParallelTempering.Create(b => kernels[System.Array.IndexOf(ladder, b)].Step, kernels[0].Init, ladder, s => s.Energies, ChainGathers.MultiSpin);
        var start = Mat.Create(3, model.Dimension, d =>
        {
            key.FoldIn(0).Uniform(d);
            for (var i = 0; i < d.Length; i++) d[i] = d[i] < 0.5 ? 1.0 : -1.0;
        });
        var burnt = Loop.Run(key.FoldIn(1), pt.Init(start), settings.BurnIn, pt.Step);
        var (_, trace) = Loop.Scan(key.FoldIn(2), burnt, settings.Sweeps, pt.Step, (s, _) => s.Rungs.Map(r => r.Energies.ToArray()).ToArray());
        for (var k = 0; k < ladder.Length; k++)
        for (var c = 0; c < 3; c++)
        for (var t = 0; t < settings.Sweeps; t++)
            Assert.Equal(trace[t][k][c], samples.Energies[k][c, t]);
    }

    [Fact]
    public void Tempering_on_the_4x4_torus_matches_enumeration() =>
        MatchesEnumeration(Torus(4), betas => Ok(ThermoSweep.Tempering(RngKey.FromSeed(31), Torus(4), betas, Long)), Betas, slope: true);

    [Fact]
    public void Tempering_on_the_2x2_torus_matches_enumeration() =>
        MatchesEnumeration(Torus(2), betas => Ok(ThermoSweep.Tempering(RngKey.FromSeed(32), Torus(2), betas, Long)), Betas, slope: true);

    [Fact]
    public void Tempering_with_a_negative_coupling_and_a_field_matches_enumeration()
    {
        var model = Lattice(4, 4, -1.0, 0.2, Boundary.Periodic);
        MatchesEnumeration(model, betas => Ok(ThermoSweep.Tempering(RngKey.FromSeed(33), model, betas, Long)), [0.15, 0.3, 0.45, 0.6], slope: true);
    }

    [Fact]
    public void Tempering_on_the_3x3_torus_falls_back_to_the_byte_kernel_and_matches_enumeration() =>
        MatchesEnumeration(Torus(3), betas => Ok(ThermoSweep.Tempering(RngKey.FromSeed(34), Torus(3), betas, Long)), Betas, slope: true);

    [Fact]
    public void Annealing_on_the_4x4_torus_matches_enumeration() =>
        MatchesEnumeration(Torus(4), betas => Ok(ThermoSweep.Annealed(RngKey.FromSeed(35), Torus(4), betas, new AnnealedSettings(Particles: 2000))), Betas, slope: false);

    [Fact]
    public void Annealing_on_the_2x2_torus_matches_enumeration() =>
        MatchesEnumeration(Torus(2), betas => Ok(ThermoSweep.Annealed(RngKey.FromSeed(36), Torus(2), betas, new AnnealedSettings(Particles: 2000))), Betas, slope: false);

    [Fact]
    public void Reweighting_the_4x4_torus_matches_enumeration_at_and_between_the_rungs()
    {
        double[] between = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
        MatchesEnumeration(Torus(4), betas => Ok(Reweighting.Run(RngKey.FromSeed(37), Torus(4), Betas, betas, Long)), between, slope: false);
    }

    [Fact]
    public void The_readme_example_names_the_kernel_and_matches_kaufman()
    {
        Fin<(string Kernel, Seq<ThermoPoint> Points)> run =
            from model in IsingModel.Create(16, 16, 1.0, 0.0, Boundary.Periodic)
                .Match(Succ: FinSucc, Fail: errors => FinFail<IsingModel>(errors.Head))
            from points in ThermoSweep.Tempering(RngKey.FromSeed(3), model, [0.3, 0.4, 0.44, 0.5], new TemperingSettings(Chains: 4, Sweeps: 2000))
            select (ThermoSweep.IsingKernel(model), points);
        var (kernel, swept) = run.Match(Succ: r => r, Fail: e => throw new InvalidOperationException(e.Message));
        Assert.Equal("multispin-metropolis", kernel);
        var exact = swept.Map(p => ThermoSweep.FromExact(Torus(16), Ok(Kaufman.Compute(Torus(16), p.Beta)))).ToArray();
        WithinExact(swept.ToArray(), exact, slope: false);
    }

    [Fact]
    public void The_same_key_gives_the_same_bits_and_another_key_others()
    {
        var settings = new TemperingSettings(Chains: 2, Sweeps: 64, BurnIn: 10);
        var once = Ok(ThermoSweep.Sample(RngKey.FromSeed(5), Torus(4), [0.2, 0.4], settings));
        var again = Ok(ThermoSweep.Sample(RngKey.FromSeed(5), Torus(4), [0.2, 0.4], settings));
        var other = Ok(ThermoSweep.Sample(RngKey.FromSeed(6), Torus(4), [0.2, 0.4], settings));
        Assert.Equal(once, again);
        Assert.NotEqual(once.Energies, other.Energies);
        var annealed = new AnnealedSettings(Particles: 16);
        Assert.Equal(Ok(ThermoSweep.Annealed(RngKey.FromSeed(5), Torus(4), [0.2, 0.4], annealed)), Ok(ThermoSweep.Annealed(RngKey.FromSeed(5), Torus(4), [0.2, 0.4], annealed)));
    }

    [Theory]
    [InlineData(4, 4, 3)]
    [InlineData(128, 2, 1)]
    public void The_results_do_not_depend_on_the_thread_count(int rows, int columns, int chains)
    {
        // 128 x 2 with one chain per rung is split into bands of rows (two with two workers), 4 x 4 runs its chains in parallel.
        var model = Lattice(rows, columns, 1.0, 0.0, Boundary.Periodic);
        var runs = new[] { 1, 2, -1 }.Select(threads => (
            Tempering: Ok(ThermoSweep.Sample(RngKey.FromSeed(9), model, [0.3, 0.45], new TemperingSettings(chains, 64, 10, threads))),
            Annealed: Ok(ThermoSweep.Annealed(RngKey.FromSeed(9), model, [0.3, 0.45], new AnnealedSettings(Math.Max(chains, 2), 2, 1, threads))))).ToArray();
        Assert.All(runs, run => Assert.Equal(runs[0].Tempering, run.Tempering));
        Assert.All(runs, run => Assert.Equal(runs[0].Annealed, run.Annealed));
    }
}
