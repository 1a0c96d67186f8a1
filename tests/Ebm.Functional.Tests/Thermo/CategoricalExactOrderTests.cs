using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// The exact order moments of Potts and clock lattices (<see cref="ThermoSweep.ExactCategoricalOrder"/>, attached to the
/// rows of <see cref="ThermoSweep.Exact"/>) against sums over every state done here, and the sampled tempering rows against them.
/// </summary>
public sealed class CategoricalExactOrderTests
{
    /// <summary>Relative agreement of two exact computations (rounding only).</summary>
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.8, 0.0)]
    [InlineData(1.3, 0.4)]
    public void The_2x2_q3_potts_torus_matches_a_sum_over_its_81_states(double beta, double field)
    {
        var model = Potts(2, 2, 3, 1.0, field);
        double z = 0, first = 0, second = 0, fourth = 0;
        var state = new double[4];
        for (var index = 0; index < 81; index++)
        {
            var counts = new int[3];
            for (int site = 0, rest = index; site < 4; site++, rest /= 3)
            {
                state[site] = rest % 3;
                counts[rest % 3]++;
            }

            // The 2 x 2 torus: each site's right and down neighbours, each pair met twice across the periodic side of 2.
            var equalPairs = 0;
            for (var row = 0; row < 2; row++)
            for (var column = 0; column < 2; column++)
            {
                var site = 2 * row + column;
                if (state[site] == state[2 * row + (1 - column)]) equalPairs++;
                if (state[site] == state[2 * (1 - row) + column]) equalPairs++;
            }

            var energy = -equalPairs - field * counts[0];
            Assert.Equal(energy, model.Energy(state), 12);
            var m = (3.0 * counts.Max() / 4 - 1) / 2;
            var w = Math.Exp(-beta * energy);
            (z, first, second, fourth) = (z + w, first + w * m, second + w * m * m, fourth + w * m * m * m * m);
        }

        var (absolute, square) = (first / z, second / z);
        var order = Order(Ok(ThermoSweep.Exact(model, [beta])).Single());
        AssertClose(absolute, order.MeanAbsolute.Value);
        AssertClose(beta * 4 * (square - absolute * absolute), order.Susceptibility.Value);
        AssertClose(1 - fourth / z / (3 * square * square), order.Binder.Value);
        Assert.Equal(0.0, order.MeanAbsolute.Error);
    }

    /// <summary>By hand: of the 81 states, 3 have m = 1, 24 have m = 5/8 (one value three times) and 54 have m = 1/4.</summary>
    [Fact]
    public void At_beta_zero_the_2x2_q3_potts_moments_are_the_counted_fractions()
    {
        var order = Order(Ok(ThermoSweep.Exact(Potts(2, 2, 3, 1.0, 0.0), [0.0])).Single());
        double mean = (3 + 24 * 5.0 / 8 + 54 / 4.0) / 81, square = (3 + 24 * 25.0 / 64 + 54 / 16.0) / 81;
        double fourth = (3 + 24 * 625.0 / 4096 + 54 / 256.0) / 81;
        AssertClose(7.0 / 18, mean);
        AssertClose(mean, order.MeanAbsolute.Value);
        Assert.Equal(0.0, order.Susceptibility.Value);
        AssertClose(1 - fourth / (3 * square * square), order.Binder.Value);
    }

    /// <summary>The clock model's order parameter is |M| / N, so its exact moments are those of the enumerated vector magnetisation.</summary>
    [Theory]
    [InlineData(0.4)]
    [InlineData(1.5)]
    public void Clock_order_moments_are_those_of_the_vector_magnetisation(double beta)
    {
        var model = ClockModel.Create(2, 4, 4, 1.0, 0.2, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var order = Order(Ok(ThermoSweep.Exact(model, [beta])).Single());
        var magnetisation = Ok(CategoricalExact.Enumerate(model, beta)).Magnetisation.Match(m => m, () => throw new InvalidOperationException("no magnetisation"));
        var absolute = magnetisation.MeanAbsolute.IfNone(double.NaN) / 8;
        AssertClose(absolute, order.MeanAbsolute.Value);
        Assert.Equal(beta * (magnetisation.MeanSquare / 8 - 8 * absolute * absolute), order.Susceptibility.Value, 1e-9);
        AssertClose(1 - magnetisation.MeanFourth.IfNone(double.NaN) / (3 * magnetisation.MeanSquare * magnetisation.MeanSquare), order.Binder.Value);
    }

    /// <summary>
    /// Parallel tempering on the q = 3 Potts 3 x 3 torus against the library's exact rows, order moments included: 4 chains x
    /// 4000 sweeps after 200 of burn-in, 16 000 correlated samples per beta, errors by batch means; every estimate within
    /// z = 4 of its own standard error (40 comparisons at 6e-5 each: a correct estimator fails the test with probability about 3e-3).
    /// </summary>
    [Fact]
    public void Tempering_rows_agree_with_the_exact_order_moments()
    {
        var model = Potts(3, 3, 3, 1.0, 0.0);
        double[] grid = [0.2, 0.5, 0.8, 1.1, 1.4];
        var exact = Ok(ThermoSweep.Exact(model, grid)).ToArray();
        Assert.All(exact, point => Assert.True(point.Order.IsSome, $"no exact order moments at {point.Beta}"));
        var sampled = Ok(ThermoSweep.Tempering(RngKey.FromSeed(41), model, grid, new TemperingSettings(Chains: 4, Sweeps: 4000, BurnIn: 200)));
        ThermoSweepTests.WithinExact(sampled.ToArray(), exact, slope: false);
    }

    [Fact]
    public void The_exact_order_is_the_same_for_one_and_two_threads_and_lattices_too_large_have_none()
    {
        var model = Potts(3, 3, 3, 1.0, 0.3);
        Assert.Equal(Ok(ThermoSweep.ExactCategoricalOrder(model, [0.3, 0.9], 1)), Ok(ThermoSweep.ExactCategoricalOrder(model, [0.3, 0.9], 2)));

        // 3^16 states is above the 2^20 the exact sweep enumerates for its order moments; the transfer matrix still gives the rest.
        var larger = Ok(ThermoSweep.Exact(Potts(4, 4, 3, 1.0, 0.0), [0.5])).Single();
        Assert.True(larger.Order.IsNone);
        Assert.True(double.IsFinite(larger.LogZ.Value));
    }

    /// <summary>The README's example, verbatim but for the printing: the exact moments it prints are those of the exact sweep's rows.</summary>
    [Fact]
    public void The_readme_example_gives_the_exact_rows_order_moments()
    {
        var order =
            from model in PottsModel.Create(3, 3, 3, 1.0, 0.0, Boundary.Periodic)
                .Match(Succ: FinSucc, Fail: errors => FinFail<PottsModel>(errors.Head))
            from moments in ThermoSweep.ExactCategoricalOrder(model, [0.5, 1.0])
            select moments;
        var rows = Ok(order).ToArray();
        var exact = Ok(ThermoSweep.Exact(Potts(3, 3, 3, 1.0, 0.0), [0.5, 1.0])).Select(Order).ToArray();
        Assert.Equal(exact, rows);
        Assert.True(rows[0].MeanAbsolute.Value < rows[1].MeanAbsolute.Value, "the order grows as the lattice cools");
    }

    [Fact]
    public void Bad_requests_are_errors_with_their_codes()
    {
        Assert.Equal(ExactErrors.InvalidBetaCode, Fail(ThermoSweep.ExactCategoricalOrder(Potts(2, 2, 3, 1.0, 0.0), [0.5, double.NaN])).Code);
        var tooLarge = Fail(ThermoSweep.ExactCategoricalOrder(Potts(6, 6, 3, 1.0, 0.0), [0.5]));
        Assert.Equal(ExactErrors.TooLargeCode, tooLarge.Code);
        Assert.Contains("2^30", tooLarge.Message);
    }

    private static OrderMoments Order(ThermoPoint point) => point.Order.Match(o => o, () => throw new InvalidOperationException($"no order moments at {point.Beta}"));

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    private static PottsModel Potts(int rows, int columns, int levels, double coupling, double field) =>
        PottsModel.Create(rows, columns, levels, coupling, field, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static T Ok<T>(Fin<T> fin) => fin.Match(v => v, e => throw new InvalidOperationException(e.Message));

    private static Error Fail<T>(Fin<T> fin) => fin.Match(_ => throw new InvalidOperationException("expected an error"), e => e);
}
