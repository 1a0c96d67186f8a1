using Ebm.Functional.Errors;
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

    internal static IsingModel Ising(int rows, int columns, double coupling, double field, Boundary boundary) =>
        IsingModel.Create(rows, columns, coupling, field, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    internal static ExactResult Value(Fin<ExactResult> result) => result.Match(r => r, e => throw new InvalidOperationException(e.Message));
}
