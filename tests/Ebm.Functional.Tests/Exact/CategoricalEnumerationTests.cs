using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

public class CategoricalEnumerationTests
{
    // Sums of at most 3^9 terms in a different order: agreement to 1e-11 relative (floor 1 for quantities near 0).
    private const double Relative = 1e-11;

    public static TheoryData<string, int, int, int, double, Boundary, double> SmallLattices() => new()
    {
        { "potts", 3, 3, 2, 0.0, Boundary.Periodic, 0.7 },
        { "potts", 3, 3, 3, 0.0, Boundary.Periodic, 1.0 },
        { "potts", 2, 3, 4, 0.4, Boundary.Open, 0.8 },
        { "potts", 2, 2, 5, -0.3, Boundary.Periodic, 1.3 },
        { "potts", 1, 5, 3, 0.2, Boundary.Periodic, 0.5 },
        { "potts", 3, 1, 3, 0.0, Boundary.Open, 2.0 },
        { "clock", 3, 3, 3, 0.0, Boundary.Periodic, 0.9 },
        { "clock", 2, 3, 5, 0.3, Boundary.Open, 1.1 },
        { "clock", 2, 2, 6, -0.2, Boundary.Periodic, 0.6 },
        { "clock", 2, 4, 4, 0.0, Boundary.Periodic, 0.0 },
    };

    internal static ICategoricalModel Model(string kind, int rows, int columns, int q, double field, Boundary boundary, double coupling = 1.0) =>
        kind == "potts"
            ? PottsModel.Create(rows, columns, q, coupling, field, boundary).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message))
            : ClockModel.Create(rows, columns, q, coupling, field, boundary).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message));

    internal static ExactResult Single(Fin<Seq<ExactResult>> results) => results.Match(r => r.Head, e => throw new InvalidOperationException(e.Message));

    [Theory]
    [MemberData(nameof(SmallLattices))]
    public void Enumeration_matches_a_brute_force_sum_over_states(string kind, int rows, int columns, int q, double field, Boundary boundary, double beta)
    {
        var model = Model(kind, rows, columns, q, field, boundary);
        var expected = CategoricalBruteForce.Of(model, beta);
        var actual = Single(CategoricalEnumeration.Sweep(model, [beta]));
        var scale = 2.0 * model.Dimension * (1 + Math.Abs(field));
        IsingAssert.Close(expected.LogZ, actual.LogZ, Relative, Relative, "log Z");
        IsingAssert.Close(expected.MeanEnergy, actual.MeanEnergy, Relative, Relative * scale, "U");
        IsingAssert.Close(expected.EnergyVariance, actual.EnergyVariance, Relative, Relative * scale * scale, "Var E");
        var m = actual.Magnetisation.Match(x => x, () => throw new InvalidOperationException("no magnetisation"));
        IsingAssert.Close(expected.MeanAlong, m.Mean, Relative, Relative * model.Dimension, "<M_x>");
        IsingAssert.Close(expected.MeanSquare, m.MeanSquare, Relative, Relative * model.Dimension, "<|M|^2>");
        IsingAssert.Close(expected.MeanLength, m.MeanAbsolute.IfNone(double.NaN), Relative, Relative * model.Dimension, "<|M|>");
        IsingAssert.Close(expected.MeanFourth, m.MeanFourth.IfNone(double.NaN), Relative, Relative * Math.Pow(model.Dimension, 4), "<|M|^4>");
        IsingAssert.Close(beta * expected.MeanEnergy + expected.LogZ, actual.Entropy, Relative, Relative * scale, "S");
        IsingAssert.Close(beta * beta * expected.EnergyVariance, actual.HeatCapacity, Relative, Relative * scale * scale, "C");
    }

    [Theory]
    [MemberData(nameof(SmallLattices))]
    public void Energy_counts_are_the_histogram_of_the_states_energies(string kind, int rows, int columns, int q, double field, Boundary boundary, double beta)
    {
        _ = beta;
        var model = Model(kind, rows, columns, q, field, boundary);
        var counts = CategoricalEnumeration.EnergyCounts(model).Match(c => c, e => throw new InvalidOperationException(e.Message));
        var energies = counts.Energies.ToArray();
        Assert.Equal((long)Math.Pow(q, model.Dimension), counts.States);
        Assert.True(energies.Zip(energies.Skip(1), (a, b) => a < b).All(x => x), "energies increase");
        Assert.All(counts.Counts, c => Assert.True(c >= 1));

        // Every state's energy falls on its level (the nearest one, within the merge tolerance), and the levels' counts are the tallies.
        var tally = new long[energies.Length];
        var largest = energies.Max(Math.Abs);
        foreach (var (energy, _, _) in CategoricalBruteForce.States(model))
        {
            var level = Enumerable.Range(0, energies.Length).MinBy(k => Math.Abs(energies[k] - energy));
            Assert.True(Math.Abs(energies[level] - energy) <= 1e-11 * largest, $"state energy {energy:R} is off every level");
            tally[level]++;
        }

        Assert.Equal(tally, counts.Counts.ToArray());
    }

    [Fact]
    public void Three_state_potts_on_a_3x3_torus_has_the_known_ground_and_top_levels()
    {
        // q = 3, J = 1: the q uniform states have all 18 bonds satisfied (E = -18); the bottom level holds exactly those 3.
        var model = Model("potts", 3, 3, 3, 0.0, Boundary.Periodic);
        var counts = CategoricalEnumeration.EnergyCounts(model).Match(c => c, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(-18.0, counts.Energies[0]);
        Assert.Equal(3L, counts.Counts.Head);
        Assert.Equal(19683L, counts.States);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_thread_count()
    {
        var model = Model("clock", 2, 5, 5, 0.3, Boundary.Periodic);
        var one = Single(CategoricalEnumeration.Sweep(model, [0.8], maxDegreeOfParallelism: 1));
        var many = Single(CategoricalEnumeration.Sweep(model, [0.8], maxDegreeOfParallelism: 3));
        Assert.Equal(one, many);
    }

    [Fact]
    public void Too_many_states_is_a_clear_error()
    {
        var model = Model("potts", 5, 5, 3, 0.0, Boundary.Periodic);
        var error = CategoricalEnumeration.EnergyCounts(model).Match(_ => throw new InvalidOperationException("expected a failure"), e => e);
        Assert.Equal(ExactErrors.TooLargeCode, error.Code);
        Assert.Contains("25 units of 3 states", error.Message);
    }
}
