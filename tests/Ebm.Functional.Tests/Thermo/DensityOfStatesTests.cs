using System.Numerics;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Thermo;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Thermo;

public sealed class DensityOfStatesTests
{
    /// <summary>Relative agreement demanded between two exact computations (rounding only).</summary>
    private const double Tolerance = 1e-10;

    public static TheoryData<int, int, double, double, Boundary> SmallIsingLattices() => new()
    {
        { 4, 4, 1.0, 0.0, Boundary.Periodic },
        { 3, 4, 1.0, 0.5, Boundary.Open },
        { 2, 3, -1.0, 0.3, Boundary.Periodic },
        { 1, 5, 0.7, 0.0, Boundary.Periodic },
        { 2, 2, 1.0, 0.0, Boundary.Periodic },
        { 3, 3, 1.0, 1.0, Boundary.Periodic },
        { 1, 1, 1.0, 0.2, Boundary.Periodic },
        { 4, 4, 0.0, 0.0, Boundary.Open },
    };

    [Theory]
    [MemberData(nameof(SmallIsingLattices))]
    public void Exact_ising_density_counts_the_enumerated_states(int rows, int columns, double coupling, double field, Boundary boundary)
    {
        var model = Ising(rows, columns, coupling, field, boundary);
        var dos = Ok(DensityOfStates.Exact(model));
        var expected = Ok(Enumeration.Energies(model)).Span.ToArray()
            .GroupBy(e => Math.Round(e, 9)).OrderBy(g => g.Key).Select(g => (Energy: g.Key, Count: g.Count())).ToArray();

        Assert.Equal(expected.Length, dos.Energies.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k].Energy, dos.Energies[k], 1e-9);
            Assert.Equal(expected[k].Count, Math.Round(Math.Exp(dos.LogG[k])));
            Assert.Equal(0.0, dos.LogGError[k]);
        }

        Assert.Equal(model.Dimension * Math.Log(2), dos.LogStates, 12);
        Assert.Equal("exact", dos.Method);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void Independent_torus_count_reproduces_kaufman(int side)
    {
        var counts = IsingTorusDensity.BondSumCounts(side);
        var n = side * side;
        Assert.Equal(BigInteger.Pow(2, n), counts.Aggregate(BigInteger.Zero, (a, b) => a + b));
        var model = Ising(side, side, 1.0, 0.0, Boundary.Periodic);
        foreach (var beta in new[] { 0.0, 0.1, 0.3, 0.4406868, 0.6, 1.0, 2.0 })
        {
            var logTerms = Enumerable.Range(0, counts.Length).Where(b => counts[b] > 0)
                .Select(b => BigInteger.Log(counts[b]) + beta * (b - 2 * n)).ToArray();
            var logZ = LogSpace.LogSumExp(logTerms);
            var kaufman = Ok(Kaufman.Compute(model, beta));
            Assert.Equal(kaufman.LogZ, logZ, Tolerance * Math.Max(1.0, Math.Abs(logZ)));
        }
    }

    [Fact]
    public void Exact_torus_density_equals_the_independent_count()
    {
        var dos = Ok(DensityOfStates.Exact(Ising(4, 4, 1.0, 0.0, Boundary.Periodic)));
        var counts = IsingTorusDensity.BondSumCounts(4);
        var expected = Enumerable.Range(0, counts.Length).Where(b => counts[b] > 0).Select(b => (Energy: -(b - 32.0), Count: counts[b]))
            .OrderBy(p => p.Energy).ToArray();
        Assert.Equal(expected.Select(p => p.Energy), dos.Energies.Span.ToArray());
        Assert.Equal(expected.Select(p => BigInteger.Log(p.Count)), dos.LogG.Span.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.2)]
    [InlineData(0.4406868)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Thermodynamics_of_the_exact_density_match_kaufman(double beta)
    {
        var model = Ising(4, 4, 1.0, 0.0, Boundary.Periodic);
        var point = Ok(Ok(DensityOfStates.Exact(model)).Thermodynamics([beta])).Head;
        var exact = Ok(Kaufman.Compute(model, beta));
        AssertClose(exact.LogZ, point.LogZ.Value);
        AssertClose(exact.MeanEnergy, point.MeanEnergy.Value, 32.0);
        AssertClose(exact.HeatCapacity, point.HeatCapacity.Value, 1.0);
        AssertClose(exact.Entropy, point.Entropy.Value, 1.0);
        if (beta > 0) AssertClose(exact.FreeEnergy, point.FreeEnergy.Value);
        Assert.Equal("exact", point.Method);
        Assert.Equal(0.0, point.LogZ.Error);
        Assert.True(point.Order.IsNone && point.HeatCapacityFromSlope.IsNone);
    }

    [Fact]
    public void Thermodynamics_of_a_lattice_with_a_field_match_enumeration_at_any_beta()
    {
        var model = Ising(3, 3, 0.8, -0.35, Boundary.Open);
        var betas = new[] { 0.0, 0.3, 1.2 };
        var points = Ok(Ok(DensityOfStates.Exact(model)).Thermodynamics(betas));
        var exact = Ok(Enumeration.Sweep(model, betas));
        foreach (var (point, expected) in points.Zip(exact))
        {
            AssertClose(expected.LogZ, point.LogZ.Value);
            AssertClose(expected.MeanEnergy, point.MeanEnergy.Value, 10.0);
            AssertClose(expected.HeatCapacity, point.HeatCapacity.Value, 1.0);
        }
    }

    [Fact]
    public void Exact_density_of_any_binary_model_comes_from_its_enumerated_energies()
    {
        var couplings = Mat.FromRows([[0.0, 1.0, -0.5], [1.0, 0.0, 0.25], [-0.5, 0.25, 0.0]]);
        var machine = BoltzmannMachine.Create(couplings, Vec.Of(0.1, -0.2, 0.3), StateConvention.Binary)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var dos = Ok(DensityOfStates.Exact(machine));
        Assert.Equal(3 * Math.Log(2), LogSpace.LogSumExp(dos.LogG.Span), 12);
        var point = Ok(dos.Thermodynamics([0.7])).Head;
        AssertClose(Ok(Enumeration.Compute(machine, 0.7)).LogZ, point.LogZ.Value);
    }

    [Theory]
    [InlineData("potts", 3, 3, 1.0, 0.5)]
    [InlineData("clock", 3, 3, 1.0, 0.0)]
    [InlineData("clock", 5, 2, -0.6, 0.3)]
    public void Exact_categorical_density_counts_every_state(string kind, int levels, int columns, double coupling, double field)
    {
        ICategoricalModel model = kind == "potts"
            ? PottsModel.Create(2, columns, levels, coupling, field, Boundary.Periodic).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message))
            : ClockModel.Create(2, columns, levels, coupling, field, Boundary.Periodic).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message));
        var dos = Ok(DensityOfStates.Exact(model));
        var expected = BruteForceDensity.Of(model);
        Assert.Equal(expected.Energies.Span.ToArray(), dos.Energies.Span.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(expected.LogG.Span.ToArray(), dos.LogG.Span.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(columns * 2 * Math.Log(levels), dos.LogStates, 12);
    }

    [Fact]
    public void A_level_is_found_within_rounding_of_its_energy()
    {
        var dos = new DensityOfStates("exact", Vec.Of(-4.0, -0.5, 0.0, 2.0), Vec.Zeros(4), Vec.Zeros(4), 0.0, 0, 0, Option<Mat>.None);
        Assert.Equal(1, dos.LevelOf(-0.49999999999999978));
        Assert.Equal(3, dos.LevelOf(2.0));
        Assert.Equal(0, dos.LevelOf(-4.000000000001));
        Assert.True(dos.LevelOf(-0.25).IsNone);
        Assert.True(dos.LevelOf(7.0).IsNone);
    }

    [Fact]
    public void Bad_requests_are_errors_with_their_codes()
    {
        var dos = Ok(DensityOfStates.Exact(Ising(2, 2, 1.0, 0.0, Boundary.Periodic)));
        Assert.Equal(WangLandauErrors.InvalidBetaCode, Fail(dos.Thermodynamics([0.5, double.NaN])).Code);
        Assert.Equal(WangLandauErrors.ExactTooLargeCode, Fail(DensityOfStates.Exact(Ising(6, 6, 1.0, 0.0, Boundary.Periodic))).Code);
        var potts = PottsModel.Create(5, 5, 3, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(WangLandauErrors.ExactTooLargeCode, Fail(DensityOfStates.Exact(potts)).Code);
        var gaussian = GaussianModel.Create(Vec.Of(0.0), Mat.FromRows([[1.0]])).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var notDiscrete = Fail(DensityOfStates.Exact(gaussian));
        Assert.Equal(WangLandauErrors.NotApplicableCode, notDiscrete.Code);
        Assert.Contains("gaussian", notDiscrete.Message);
    }

    private static void AssertClose(double expected, double actual, double scale = 0.0) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(Math.Max(1.0, scale), Math.Abs(expected)),
            $"expected {expected:R}, got {actual:R}");

    private static IsingModel Ising(int rows, int columns, double coupling, double field, Boundary boundary) =>
        IsingModel.Create(rows, columns, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static T Ok<T>(Fin<T> fin) => fin.Match(v => v, e => throw new InvalidOperationException(e.Message));

    private static Error Fail<T>(Fin<T> fin) => fin.Match(_ => throw new InvalidOperationException("expected an error"), e => e);
}
