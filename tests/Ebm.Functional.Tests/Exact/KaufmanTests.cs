using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

public sealed class KaufmanTests
{
    /// <summary>Relative agreement demanded between two exact methods.</summary>
    private const double Tolerance = 1e-10;

    /// <summary>
    /// Absolute floor, as a fraction of the energy range 2N|J| (squared for variances), for quantities
    /// that vanish exactly (U at beta = 0, Var(E) of a 1 x 1 torus): rounding, not the method, sets it.
    /// </summary>
    private const double AbsoluteFloor = 1e-14;

    public static TheoryData<int, int, double, double> SmallTori()
    {
        var data = new TheoryData<int, int, double, double>();
        var sizes = new[] { (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 2), (3, 3), (3, 4), (4, 3), (2, 4), (4, 4), (1, 8), (2, 8) };
        foreach (var (rows, columns) in sizes)
        foreach (var beta in new[] { 0.0, 0.2, 0.44, 1.0, 3.0 })
        {
            data.Add(rows, columns, 1.0, beta);
            if (rows % 2 == 0 && columns % 2 == 0) data.Add(rows, columns, -1.0, beta);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SmallTori))]
    public void Matches_enumeration_on_small_tori(int rows, int columns, double coupling, double beta)
    {
        var model = Ising(rows, columns, coupling, 0.0, Boundary.Periodic);
        var expected = IsingEnumeration.Thermodynamics(rows, columns, Boundary.Periodic, coupling, 0.0, beta);
        var actual = Value(Kaufman.Compute(model, beta));
        var energyRange = 2.0 * rows * columns * Math.Abs(coupling);
        IsingAssert.Close(expected.LogZ, actual.LogZ, Tolerance, 0.0);
        IsingAssert.Close(expected.MeanEnergy, actual.MeanEnergy, Tolerance, AbsoluteFloor * energyRange);
        IsingAssert.Close(expected.EnergyVariance, actual.EnergyVariance, Tolerance, AbsoluteFloor * energyRange * energyRange);
        Assert.True(actual.Magnetisation.IsNone);
    }

    /// <summary>
    /// Per-site log Z, U and C of a 256 x 256 torus against the infinite lattice. Away from T_c the torus
    /// differs from the infinite lattice by O(exp(-L |gamma_0|)), gamma_0 = 2K + log tanh K the inverse
    /// correlation length (Kaufman 1949): below 1e-24 here (beta = 0.3: 1e-70, 0.5: 6e-26, 1: 1e-192), once
    /// the two ordered phases below T_c are counted (log 2 in log Z). What remains is rounding: 1e-13 per site.
    /// </summary>
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Large_torus_approaches_Onsager(double beta)
    {
        const int side = 256;
        const double sites = side * side;
        var finite = Value(Kaufman.Compute(Ising(side, side, 1.0, 0.0, Boundary.Periodic), beta));
        var infinite = Onsager.Compute(1.0, beta).Match(r => r, e => throw new InvalidOperationException(e.Message));
        var gamma0 = Math.Abs(2.0 * beta + Math.Log(Math.Tanh(beta)));
        var tolerance = 1e-13 + Math.Exp(-side * gamma0);
        Assert.True(tolerance < 2e-13);
        var orderedPhases = beta > Onsager.CriticalBeta(1.0) ? Math.Log(2.0) : 0.0;
        IsingAssert.Close(infinite.LogZPerSite, (finite.LogZ - orderedPhases) / sites, 0.0, tolerance, "log Z / N");
        IsingAssert.Close(infinite.EnergyPerSite, finite.MeanEnergy / sites, 0.0, tolerance, "U / N");
        IsingAssert.Close(infinite.HeatCapacityPerSite, finite.HeatCapacity / sites, 0.0, tolerance, "C / N");
    }

    [Fact]
    public void Very_low_temperature_is_the_two_ground_states()
    {
        const double beta = 200.0;
        var result = Value(Kaufman.Compute(Ising(4, 6, 1.0, 0.0, Boundary.Periodic), beta));
        IsingAssert.Close(2 * 24 * beta + Math.Log(2.0), result.LogZ, 1e-15, 0.0, "log Z");
        IsingAssert.Close(-48.0, result.MeanEnergy, 1e-15, 0.0, "U");
        // The true variance is about 64 N e^(-1600); what is left is double-double rounding, far below the energy scale.
        Assert.InRange(Math.Abs(result.EnergyVariance), 0.0, 1e-30 * 48 * 48);
        var large = Value(Kaufman.Compute(Ising(256, 256, 1.0, 0.0, Boundary.Periodic), 50.0));
        IsingAssert.Close(2 * 65536 * 50.0 + Math.Log(2.0), large.LogZ, 1e-15, 0.0, "log Z of 256 x 256");
    }

    [Fact]
    public void Refuses_what_the_formula_does_not_cover()
    {
        static int Code(Fin<ExactResult> result) => result.Match(_ => throw new InvalidOperationException("expected an error"), e => e.Code);
        Assert.Equal(ExactErrors.MethodNotApplicableCode, Code(Kaufman.Compute(Ising(4, 4, 1.0, 0.0, Boundary.Open), 0.3)));
        Assert.Equal(ExactErrors.MethodNotApplicableCode, Code(Kaufman.Compute(Ising(4, 4, 1.0, 0.2, Boundary.Periodic), 0.3)));
        Assert.Equal(ExactErrors.MethodNotApplicableCode, Code(Kaufman.Compute(Ising(3, 4, -1.0, 0.0, Boundary.Periodic), 0.3)));
        Assert.Equal(ExactErrors.InvalidBetaCode, Code(Kaufman.Compute(Ising(4, 4, 1.0, 0.0, Boundary.Periodic), -0.1)));
        Assert.Equal(ExactErrors.InvalidBetaCode, Code(Kaufman.Compute(Ising(4, 4, 1.0, 0.0, Boundary.Periodic), double.PositiveInfinity)));
        Assert.False(Kaufman.Applies(Ising(4, 4, 1.0, 0.0, Boundary.Open)));
        Assert.True(Kaufman.Applies(Ising(4, 4, -1.0, 0.0, Boundary.Periodic)));
    }

    internal static IsingModel Ising(int rows, int columns, double coupling, double field, Boundary boundary) =>
        IsingModel.Create(rows, columns, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    internal static ExactResult Value(Fin<ExactResult> result) => result.Match(r => r, e => throw new InvalidOperationException(e.Message));
}
