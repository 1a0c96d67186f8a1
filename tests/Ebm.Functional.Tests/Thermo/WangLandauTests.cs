using System.Numerics;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using LanguageExt.Common;
using MathNet.Numerics.Distributions;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// Wang-Landau densities against exact ones. With W walkers the error of each ln g(E) is the walkers' standard error,
/// so (sampled - exact) / error follows Student's t with W - 1 degrees of freedom when the estimate is unbiased; a check
/// over K energies takes the t quantile at 1 - Delta / (2K) (Bonferroni), Delta = 1e-3 the chance that a correct sampler
/// fails it. Each check also bounds the errors themselves, so that a blown-up error bar cannot pass.
/// </summary>
public sealed class WangLandauTests
{
    /// <summary>Chance that a correct sampler fails a check over all energies of one run.</summary>
    private const double Delta = 1e-3;

    private static readonly WangLandauSettings Quick = new() { Walkers = 8, FinalLogF = 1e-5 };

    /// <summary>One run on the 8 x 8 torus serves the density and the thermodynamics checks.</summary>
    private static readonly Lazy<DensityOfStates> Torus8x8 = new(() => Ok(WangLandau.Run(RngKey.FromSeed(12), Ising(8, 8, 1.0, 0.0), Quick)));

    [Fact]
    public void Ising_4x4_torus_density_matches_the_enumerated_one()
    {
        var model = Ising(4, 4, 1.0, 0.0);
        AssertMatches(Ok(DensityOfStates.Exact(model)), Ok(WangLandau.Run(RngKey.FromSeed(11), model, Quick)), largestError: 0.02);
    }

    [Fact]
    public void Ising_8x8_torus_density_matches_the_exact_finite_lattice_count()
    {
        var counts = IsingTorusDensity.BondSumCounts(8);
        var levels = Enumerable.Range(0, counts.Length).Where(b => counts[b] > 0).Select(b => (Energy: -(b - 128.0), LogG: BigInteger.Log(counts[b])))
            .OrderBy(p => p.Energy).ToArray();
        var exact = new DensityOfStates("exact", Vec.From(levels.Select(p => p.Energy).ToArray()), Vec.From(levels.Select(p => p.LogG).ToArray()),
            Vec.Zeros(levels.Length), 64 * Math.Log(2), 0, 0, Option<Mat>.None);
        AssertMatches(exact, Torus8x8.Value, largestError: 0.05);
    }

    [Fact]
    public void Log_partition_function_from_the_8x8_density_matches_kaufman_within_its_error()
    {
        var model = Ising(8, 8, 1.0, 0.0);
        var betas = new[] { 0.2, 0.3, 0.4406868, 0.6, 1.0 };
        var points = Ok(Torus8x8.Value.Thermodynamics(betas));
        var bound = StudentT.InvCDF(0, 1, Quick.Walkers - 1, 1 - Delta / (2 * 3 * betas.Length));
        foreach (var point in points)
        {
            var exact = Ok(Kaufman.Compute(model, point.Beta));
            AssertWithin(exact.LogZ, point.LogZ, bound, $"log Z at beta {point.Beta}");
            AssertWithin(exact.MeanEnergy, point.MeanEnergy, bound, $"U at beta {point.Beta}");
            AssertWithin(exact.HeatCapacity, point.HeatCapacity, bound, $"C at beta {point.Beta}");
            Assert.True(point.LogZ.Error is > 0 and < 0.05, $"log Z error {point.LogZ.Error}");
            Assert.Equal("wang-landau", point.Method);
        }
    }

    [Theory]
    [InlineData("potts", 3, 3, 3, 1.0, 0.0)]
    [InlineData("potts", 2, 3, 3, 1.0, 0.5)]
    [InlineData("potts", 2, 3, 4, -0.7, 0.0)]
    [InlineData("clock", 3, 3, 3, 1.0, 0.0)]
    [InlineData("clock", 2, 2, 4, 1.0, 0.25)]
    [InlineData("clock", 2, 3, 6, 1.0, 0.0)]
    public void Categorical_densities_match_brute_force_counts(string kind, int rows, int columns, int levels, double coupling, double field)
    {
        ICategoricalModel model = kind == "potts"
            ? PottsModel.Create(rows, columns, levels, coupling, field, Boundary.Periodic).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message))
            : ClockModel.Create(rows, columns, levels, coupling, field, Boundary.Periodic).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message));
        AssertMatches(BruteForceDensity.Of(model), Ok(WangLandau.Run(RngKey.FromSeed(14), model, Quick)), largestError: 0.05);
    }

    [Fact]
    public void Binary_model_on_an_energy_grid_matches_its_enumerated_density()
    {
        var couplings = Mat.FromRows([[0, 1, -1, 2], [1, 0, 1, 0], [-1, 1, 0, 1], [2, 0, 1, 0]]);
        var machine = BoltzmannMachine.Create(couplings, Vec.Of(1, 0, -1, 0), StateConvention.Spin).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var exact = Ok(DensityOfStates.Exact(machine));
        var grid = EnergyGrid.Create(exact.Energies[0], 1.0, (int)(exact.Energies[^1] - exact.Energies[0]) + 1).Match(g => g, e => throw new InvalidOperationException(e.Head.Message));
        AssertMatches(exact, Ok(WangLandau.Run(RngKey.FromSeed(15), machine, Quick with { Grid = grid })), largestError: 0.02);
    }

    [Fact]
    public void Same_seed_gives_the_same_bits_for_any_thread_count()
    {
        var model = Potts(3, 3, 3, 1.0, 0.2);
        var settings = new WangLandauSettings { Walkers = 3, FinalLogF = 1e-3 };
        var one = Ok(WangLandau.Run(RngKey.FromSeed(5), model, settings with { MaxDegreeOfParallelism = 1 }));
        var two = Ok(WangLandau.Run(RngKey.FromSeed(5), model, settings with { MaxDegreeOfParallelism = 2 }));
        var other = Ok(WangLandau.Run(RngKey.FromSeed(6), model, settings));
        Assert.Equal(one, two);
        Assert.NotEqual(one.LogG, other.LogG);
    }

    [Fact]
    public void Progress_rises_to_one()
    {
        var reports = new List<double>();
        Ok(WangLandau.Run(RngKey.FromSeed(8), Ising(3, 3, 1.0, 0.0), new WangLandauSettings { FinalLogF = 1e-3, CheckEverySweeps = 10 }, new Recorder(reports)));
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1), (first, second) => first < second).All(rising => rising), string.Join(", ", reports));
    }

    [Fact]
    public void Models_without_a_known_spectrum_are_refused_clearly()
    {
        var clock = ClockModel.Create(3, 3, 5, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var refused = Fail(WangLandau.Run(RngKey.FromSeed(1), clock, Quick));
        Assert.Equal(WangLandauErrors.NotApplicableCode, refused.Code);
        Assert.Contains("q = 2, 3, 4 or 6", refused.Message);

        var machine = BoltzmannMachine.Create(Mat.FromRows([[0, 0.3], [0.3, 0]]), Vec.Of(0, 0), StateConvention.Binary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(WangLandauErrors.GridNeededCode, Fail(WangLandau.Run(RngKey.FromSeed(1), machine, Quick)).Code);
        var coarse = EnergyGrid.Create(-1, 1, 3).Match(g => g, e => throw new InvalidOperationException(e.Head.Message));
        var offGrid = Fail(WangLandau.Run(RngKey.FromSeed(1), machine, Quick with { Grid = coarse }));
        Assert.Equal(WangLandauErrors.OffGridCode, offGrid.Code);
        Assert.Contains("-0.3", offGrid.Message);

        var gaussian = GaussianModel.Create(Vec.Of(0.0), Mat.FromRows([[1.0]])).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(WangLandauErrors.NotApplicableCode, Fail(WangLandau.Run(RngKey.FromSeed(1), gaussian, Quick)).Code);
        Assert.Equal(WangLandauErrors.TooManyBinsCode, Fail(WangLandau.Run(RngKey.FromSeed(1), Potts(64, 64, 8, 1.0, 0.5), Quick)).Code);
    }

    [Fact]
    public void Bad_settings_are_all_reported()
    {
        var error = Fail(WangLandau.Run(RngKey.FromSeed(1), Ising(2, 2, 1.0, 0.0),
            new WangLandauSettings { Flatness = 1.2, Walkers = 1, FinalLogF = 0, CheckEverySweeps = 0, MaxDegreeOfParallelism = 0 }));
        var errors = error is ManyErrors many ? many.Errors.ToList() : [error];
        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.Equal(WangLandauErrors.InvalidSettingCode, e.Code));
        Assert.Contains(errors, e => e.Message.StartsWith("flatness:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("walkers:", StringComparison.Ordinal));
        Assert.Equal(2, EnergyGrid.Create(0, 0, 0).Match(_ => 0, e => e.Count));
    }

    [Fact]
    public void A_walker_out_of_sweeps_fails_the_run()
    {
        var error = Fail(WangLandau.Run(RngKey.FromSeed(1), Ising(4, 4, 1.0, 0.0), Quick with { MaxSweeps = 200, CheckEverySweeps = 100 }));
        Assert.Equal(WangLandauErrors.NotConvergedCode, error.Code);
        Assert.Contains("200 sweeps", error.Message);
    }

    /// <summary>
    /// Calibration: over 20 seeds, log Z(0.44) of the 4 x 4 torus lies within 2 errors of Kaufman's in a fraction near
    /// P(|t_7| &lt;= 2) = 0.914 and within 0.5 errors near P(|t_7| &lt;= 0.5) = 0.368. For 20 independent seeds the counts are
    /// binomial: at least 15 within 2 errors (P(X &lt;= 14) = 0.013 for a calibrated sampler) and at most 13 within 0.5
    /// errors (P(X &gt;= 14) = 0.0007), so error bars too small or too large both fail.
    /// </summary>
    [Fact]
    public void Error_bars_are_calibrated_over_seeds()
    {
        var model = Ising(4, 4, 1.0, 0.0);
        var exact = Ok(Kaufman.Compute(model, 0.44)).LogZ;
        var settings = Quick with { FinalLogF = 1e-4 };
        var z = Enumerable.Range(0, 20).Select(seed =>
        {
            var point = Ok(Ok(WangLandau.Run(RngKey.FromSeed((ulong)(100 + seed)), model, settings)).Thermodynamics([0.44])).Head;
            return (point.LogZ.Value - exact) / point.LogZ.Error;
        }).ToArray();
        var shown = string.Join(", ", z.Select(v => v.ToString("F2")));
        Assert.True(z.Count(v => Math.Abs(v) <= 2) >= 15, shown);
        Assert.True(z.Count(v => Math.Abs(v) <= 0.5) <= 13, shown);
    }

    private static void AssertMatches(DensityOfStates exact, DensityOfStates sampled, double largestError)
    {
        Assert.Equal(exact.Energies.Span.ToArray(), sampled.Energies.Span.ToArray(), (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
        var bound = StudentT.InvCDF(0, 1, sampled.Walkers - 1, 1 - Delta / (2 * exact.Energies.Length));
        for (var k = 0; k < exact.Energies.Length; k++)
        {
            var error = sampled.LogGError[k];
            Assert.True(error > 0 && error <= largestError, $"ln g({exact.Energies[k]}) has error {error}");
            var z = (sampled.LogG[k] - exact.LogG[k]) / error;
            Assert.True(Math.Abs(z) <= bound, $"ln g({exact.Energies[k]}) = {sampled.LogG[k]:F5} +- {error:F5}, exact {exact.LogG[k]:F5}: {z:F2} errors (bound {bound:F2})");
        }
    }

    private static void AssertWithin(double exact, Measured sampled, double bound, string what) =>
        Assert.True(Math.Abs(sampled.Value - exact) <= bound * sampled.Error,
            $"{what}: {sampled.Value:R} +- {sampled.Error:R}, exact {exact:R} ({(sampled.Value - exact) / sampled.Error:F2} errors, bound {bound:F2})");

    private static IsingModel Ising(int rows, int columns, double coupling, double field) =>
        IsingModel.Create(rows, columns, coupling, field, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static PottsModel Potts(int rows, int columns, int levels, double coupling, double field) =>
        PottsModel.Create(rows, columns, levels, coupling, field, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static T Ok<T>(Fin<T> fin) => fin.Match(v => v, e => throw new InvalidOperationException(e.Message));

    private static Error Fail<T>(Fin<T> fin) => fin.Match(_ => throw new InvalidOperationException("expected an error"), e => e);

    private sealed class Recorder(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
