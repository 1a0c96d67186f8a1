using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Exact;

namespace Ebm.Functional.Tests.Models;

public sealed class IsingModelTests
{
    private static IsingModel Ising(int rows, int columns, double coupling, double field, Boundary boundary) =>
        KaufmanTests.Ising(rows, columns, coupling, field, boundary);

    private static double[] AllUp(int n) => Enumerable.Repeat(1.0, n).ToArray();

    [Fact]
    public void Hand_counted_energies()
    {
        // 2 x 2 torus, all up: each site's right and down bond, the pair counted twice per direction: B = 8.
        Assert.Equal(-8.0 - 0.5 * 4, Ising(2, 2, 1.0, 0.5, Boundary.Periodic).Energy(AllUp(4)));
        // 3 x 3 open, all up: 6 horizontal + 6 vertical bonds.
        Assert.Equal(-12.0 * 1.5, Ising(3, 3, 1.5, 0.0, Boundary.Open).Energy(AllUp(9)));
        // 2 x 3 open: 4 horizontal + 3 vertical bonds.
        Assert.Equal(-7.0 - 6.0, Ising(2, 3, 1.0, 1.0, Boundary.Open).Energy(AllUp(6)));
        // 4 x 4 torus checkerboard: every one of the 32 bonds is unsatisfied, M = 0.
        var checkerboard = Enumerable.Range(0, 16).Select(i => (i / 4 + i % 4) % 2 == 0 ? 1.0 : -1.0).ToArray();
        Assert.Equal(32.0, Ising(4, 4, 1.0, 0.3, Boundary.Periodic).Energy(checkerboard));
        // 1 x 3 ring: bonds ab + bc + ca plus each site's vertical bond to itself (+3).
        var ring = new[] { 1.0, -1.0, 1.0 };
        Assert.Equal(-(-1.0 - 1.0 + 1.0 + 3.0) - 0.25 * 1.0, Ising(1, 3, 1.0, 0.25, Boundary.Periodic).Energy(ring));
    }

    [Fact]
    public void Self_bonds_of_a_one_site_torus_never_change()
    {
        var model = Ising(1, 1, 2.0, 0.5, Boundary.Periodic);
        Assert.Equal(-4.0 - 0.5, model.Energy([1.0]));
        Assert.Equal(-4.0 + 0.5, model.Energy([-1.0]));
        Assert.Equal(1.0, model.FlipEnergyChange([1.0], 0));
        Assert.Equal(0.5, model.LocalField([1.0], 0));
    }

    [Fact]
    public void Local_fields_count_neighbours_inside_an_open_lattice_and_doubled_pairs_on_a_2_torus()
    {
        var open = Ising(3, 3, 1.0, 0.2, Boundary.Open);
        Assert.Equal(4.2, open.LocalField(AllUp(9), 4), 12);
        Assert.Equal(2.2, open.LocalField(AllUp(9), 0), 12);
        Assert.Equal(3.2, open.LocalField(AllUp(9), 1), 12);
        var torus = Ising(2, 2, 1.0, 0.0, Boundary.Periodic);
        var state = new[] { 1.0, -1.0, 1.0, 1.0 };
        Assert.Equal(-2.0 + 2.0, torus.LocalField(state, 0));
        Assert.Equal(2.0 + 2.0, torus.LocalField(state, 1));
        Assert.Equal(2.0 * 1.0 * (-2.0 + 2.0), torus.FlipEnergyChange(state, 0));
    }

    [Fact]
    public void Magnetisation_and_parameter_gradient()
    {
        var model = Ising(2, 3, 0.7, -0.4, Boundary.Open);
        var state = new[] { 1.0, 1.0, -1.0, 1.0, -1.0, -1.0 };
        // Bonds: row 0: +1, -1; row 1: -1, +1; columns: +1, -1, +1.
        Assert.Equal(1.0, model.BondCorrelation(state));
        Assert.Equal(0.0, model.Magnetisation(state));
        Assert.Equal(new IsingGradient(-1.0, -0.0), model.ParameterGradient(state));
        var batch = Mat.FromRows([state, AllUp(6)]);
        Assert.Equal(new IsingGradient(-(1.0 + 7.0) / 2, -(0.0 + 6.0) / 2), model.MeanParameterGradient(batch));
        Assert.Equal(Vec.Of(model.Energy(state), model.Energy(AllUp(6))), model.Energies(batch));
    }

    [Theory]
    [InlineData(1, 1, Boundary.Periodic)]
    [InlineData(2, 2, Boundary.Periodic)]
    [InlineData(2, 3, Boundary.Open)]
    [InlineData(3, 3, Boundary.Periodic)]
    [InlineData(3, 4, Boundary.Open)]
    public void Energy_histogram_matches_the_plain_enumeration(int rows, int columns, Boundary boundary)
    {
        var model = Ising(rows, columns, 1.0, 0.0, boundary);
        var n = rows * columns;
        var counts = new Dictionary<(int, int), long>();
        for (var bits = 0; bits < 1 << n; bits++)
        {
            var state = Enumerable.Range(0, n).Select(i => ((bits >> i) & 1) == 1 ? 1.0 : -1.0).ToArray();
            var key = ((int)model.BondCorrelation(state), (int)model.Magnetisation(state));
            Assert.Equal(-key.Item1, model.Energy(state));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var expected = IsingEnumeration.Histogram(rows, columns, boundary);
        Assert.Equal(expected.Count, counts.Count);
        foreach (var (bonds, magnetisation, count) in expected) Assert.Equal(count, counts[(bonds, magnetisation)]);
    }

    [Fact]
    public void A_state_of_the_wrong_length_is_a_programmer_error()
    {
        var model = Ising(2, 2, 1.0, 0.0, Boundary.Periodic);
        Assert.Throws<ArgumentException>(() => model.Energy(AllUp(3)));
        Assert.Throws<ArgumentException>(() => model.Energies(Mat.Zeros(2, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.LocalField(AllUp(4), 4));
    }
}
