using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Exact;

public sealed class IsingTransferMatrixTests
{
    /// <summary>Relative agreement demanded between two exact methods.</summary>
    private const double Tolerance = 1e-10;

    /// <summary>Absolute floor, as a fraction of the energy range (squared for variances, N or N^2 for M), for quantities that vanish.</summary>
    private const double AbsoluteFloor = 1e-14;

    private static readonly double[] Betas = [0.0, 0.2, 0.44, 1.0, 3.0];

    public static TheoryData<int, int, Boundary> Lattices()
    {
        var data = new TheoryData<int, int, Boundary>();
        var sizes = new[] { (1, 1), (1, 2), (2, 1), (1, 5), (5, 1), (2, 2), (2, 3), (3, 2), (3, 3), (3, 4), (4, 3), (2, 8), (4, 4) };
        foreach (var (rows, columns) in sizes)
        {
            data.Add(rows, columns, Boundary.Periodic);
            data.Add(rows, columns, Boundary.Open);
        }

        return data;
    }

    [Theory]
    [InlineData(4, 4, Boundary.Open, 3L * 4 * 8)]
    [InlineData(16, 4096, Boundary.Open, 4095L * 16 * 32768)]
    [InlineData(3, 7, Boundary.Open, 6L * 3 * 4)]
    public void Updates_of_an_open_lattice_are_length_minus_one_rows_of_w_2_to_the_w_minus_1(int rows, int columns, Boundary boundary, long expected)
    {
        // (L - 1) w 2^(w - 1) two-by-two updates, w the shorter side: the work the transfer matrix's limit bounds.
        var model = IsingModel.Create(rows, columns, 1.0, 0.0, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(expected, IsingTransferMatrix.Updates(model));
        Assert.True(IsingTransferMatrix.Applies(model));
    }

    [Fact]
    public void Updates_are_over_the_limit_exactly_when_the_transfer_matrix_does_not_apply()
    {
        foreach (var (rows, columns, field) in new[] { (16, 6, 0.0), (16, 7, 0.0), (12, 1100, 0.0), (12, 1200, 0.0), (14, 85, 0.5), (17, 17, 0.0) })
        {
            var model = IsingModel.Create(rows, columns, 1.0, field, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
            Assert.Equal(IsingTransferMatrix.Applies(model), IsingTransferMatrix.Updates(model) <= IsingTransferMatrix.MaxWork);
        }
    }

    [Theory]
    [MemberData(nameof(Lattices))]
    public void Matches_enumeration(int rows, int columns, Boundary boundary)
    {
        var n = rows * columns;
        var histogram = IsingEnumeration.Histogram(rows, columns, boundary);
        foreach (var coupling in new[] { 1.0, -1.0 })
        foreach (var field in new[] { 0.0, 0.3, -0.7 })
        foreach (var beta in Betas)
        {
            var expected = IsingEnumeration.Thermodynamics(histogram, coupling, field, beta);
            var actual = KaufmanTests.Value(IsingTransferMatrix.Compute(KaufmanTests.Ising(rows, columns, coupling, field, boundary), beta));
            var moments = actual.Magnetisation.Match(m => m, () => throw new InvalidOperationException("moments expected"));
            var energyRange = 2.0 * n * (Math.Abs(coupling) + Math.Abs(field));
            var at = $"J = {coupling}, h = {field}, beta = {beta}:";
            IsingAssert.Close(expected.LogZ, actual.LogZ, Tolerance, 0.0, $"{at} log Z");
            IsingAssert.Close(expected.MeanEnergy, actual.MeanEnergy, Tolerance, AbsoluteFloor * energyRange, $"{at} U");
            IsingAssert.Close(expected.EnergyVariance, actual.EnergyVariance, Tolerance, AbsoluteFloor * energyRange * energyRange, $"{at} Var E");
            IsingAssert.Close(expected.MeanMagnetisation, moments.Mean, Tolerance, AbsoluteFloor * n, $"{at} <M>");
            IsingAssert.Close(expected.MeanSquareMagnetisation, moments.MeanSquare, Tolerance, AbsoluteFloor * n * n, $"{at} <M^2>");
        }
    }

    [Theory]
    [InlineData(6, 6, 1.0)]
    [InlineData(6, 6, -1.0)]
    [InlineData(8, 8, 1.0)]
    [InlineData(6, 10, 1.0)]
    [InlineData(7, 9, 1.0)]
    public void Matches_Kaufman_on_tori(int rows, int columns, double coupling)
    {
        var model = KaufmanTests.Ising(rows, columns, coupling, 0.0, Boundary.Periodic);
        foreach (var beta in Betas.Append(Onsager.CriticalBeta(1.0)).Append(6.0))
        {
            var kaufman = KaufmanTests.Value(Kaufman.Compute(model, beta));
            var transfer = KaufmanTests.Value(IsingTransferMatrix.Compute(model, beta));
            var energyRange = 2.0 * rows * columns;
            IsingAssert.Close(kaufman.LogZ, transfer.LogZ, Tolerance, 0.0, $"beta = {beta}: log Z");
            IsingAssert.Close(kaufman.MeanEnergy, transfer.MeanEnergy, Tolerance, AbsoluteFloor * energyRange, $"beta = {beta}: U");
            IsingAssert.Close(kaufman.EnergyVariance, transfer.EnergyVariance, Tolerance, AbsoluteFloor * energyRange * energyRange, $"beta = {beta}: Var E");
        }
    }

    /// <summary>
    /// A frustrated torus (J &lt; 0, odd sides) at very low temperature: its trace is e^-hundreds times the
    /// largest entry of the propagated vectors, which plain doubles would lose.
    /// </summary>
    [Theory]
    [InlineData(3, 3, 0.0)]
    [InlineData(3, 5, 0.3)]
    [InlineData(1, 3, 0.0)]
    public void Frustrated_torus_at_very_low_temperature_matches_enumeration(int rows, int columns, double field)
    {
        var histogram = IsingEnumeration.Histogram(rows, columns, Boundary.Periodic);
        foreach (var beta in new[] { 30.0, 100.0, 400.0 })
        {
            var expected = IsingEnumeration.Thermodynamics(histogram, -1.0, field, beta);
            var actual = KaufmanTests.Value(IsingTransferMatrix.Compute(KaufmanTests.Ising(rows, columns, -1.0, field, Boundary.Periodic), beta));
            var energyRange = 2.0 * rows * columns * (1.0 + field);
            IsingAssert.Close(expected.LogZ, actual.LogZ, Tolerance, 0.0, $"beta = {beta}: log Z");
            IsingAssert.Close(expected.MeanEnergy, actual.MeanEnergy, Tolerance, AbsoluteFloor * energyRange, $"beta = {beta}: U");
            IsingAssert.Close(expected.EnergyVariance, actual.EnergyVariance, Tolerance, AbsoluteFloor * energyRange * energyRange, $"beta = {beta}: Var E");
        }
    }

    [Fact]
    public void Refuses_lattices_beyond_its_limits_with_the_reason()
    {
        static Error Failure(Fin<ExactResult> result) => result.Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        var wide = Failure(IsingTransferMatrix.Compute(KaufmanTests.Ising(17, 17, 1.0, 0.0, Boundary.Open), 0.3));
        Assert.Equal(ExactErrors.TooLargeCode, wide.Code);
        Assert.Contains("17 x 17", wide.Message);
        var torus = Failure(IsingTransferMatrix.Compute(KaufmanTests.Ising(16, 16, 1.0, 0.0, Boundary.Periodic), 0.3));
        Assert.Equal(ExactErrors.TooLargeCode, torus.Code);
        Assert.Contains("Kaufman", torus.Message);
        Assert.Equal(ExactErrors.InvalidBetaCode, Failure(IsingTransferMatrix.Compute(KaufmanTests.Ising(4, 4, 1.0, 0.0, Boundary.Open), double.NaN)).Code);
        Assert.True(IsingTransferMatrix.Applies(KaufmanTests.Ising(16, 4096, 1.0, 0.5, Boundary.Open)));
        Assert.True(IsingTransferMatrix.Applies(KaufmanTests.Ising(4096, 10, 1.0, 0.0, Boundary.Periodic)));
        Assert.False(IsingTransferMatrix.Applies(KaufmanTests.Ising(12, 2000, 1.0, 0.0, Boundary.Periodic)));
    }
}
