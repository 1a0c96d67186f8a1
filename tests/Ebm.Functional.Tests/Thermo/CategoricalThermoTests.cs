using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// Parallel tempering, reweighting and AIS on a q = 3 Potts torus (3 x 3) and a q = 4 clock torus (2 x 4) against
/// their exact thermodynamics: log Z, U, F, S, C from <see cref="ThermoSweep.Exact"/> and the order moments of
/// <see cref="ThermoSweep.CategoricalOrder"/> from a direct enumeration of all q^N states (19 683 and 65 536), every
/// estimate within z = 4 of its own standard error (<see cref="ThermoSweepTests.Within"/>). About 50 comparisons per
/// method and model, 300 in all: a correct estimator with a correct error bar fails one with probability 6e-5, the
/// whole test with about 2 %, and the keys are fixed.
/// </summary>
public sealed class CategoricalThermoTests
{
    private static readonly double[] Grid = [0.2, 0.4, 0.6, 0.8, 1.0, 1.2];

    private static readonly double[] Between = [0.1, 0.3, 0.5, 0.7, 0.9, 1.1];

    private static readonly TemperingSettings Tempering = new(Chains: 4, Sweeps: 4000, BurnIn: 200);

    private static ICategoricalModel Potts() =>
        PottsModel.Create(3, 3, 3, 1.0, 0.0, Boundary.Periodic).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message));

    private static ICategoricalModel Clock() =>
        ClockModel.Create(2, 4, 4, 1.0, 0.0, Boundary.Periodic).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message));

    public static TheoryData<string> Models => new() { "potts", "clock" };

    private static ICategoricalModel Named(string kind) => kind == "potts" ? Potts() : Clock();

    [Theory]
    [MemberData(nameof(Models))]
    public void Tempering_matches_the_exact_values_within_its_errors(string kind)
    {
        var model = Named(kind);
        var points = ThermoSweepTests.Ok(ThermoSweep.Tempering(RngKey.FromSeed(21), model, Grid, Tempering));
        Assert.All(points, p => Assert.Equal(ThermoSweep.TemperingMethod, p.Method));
        ThermoSweepTests.WithinExact(points.ToArray(), Exact(model, Grid), slope: true);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Reweighting_matches_the_exact_values_at_and_between_the_rungs(string kind)
    {
        var model = Named(kind);
        var samples = ThermoSweepTests.Ok(ThermoSweep.Sample(RngKey.FromSeed(22), model, Grid, Tempering));
        var betas = Grid.Concat(Between).Order().ToArray();
        var points = ThermoSweepTests.Ok(Reweighting.Sweep(samples, betas));
        ThermoSweepTests.WithinExact(points.ToArray(), Exact(model, betas), slope: false);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Annealing_matches_the_exact_values_within_its_errors(string kind)
    {
        var model = Named(kind);
        var points = ThermoSweepTests.Ok(ThermoSweep.Annealed(RngKey.FromSeed(23), model, Grid, new AnnealedSettings(Particles: 2000, Substeps: 4, SweepsPerStep: 1)));
        Assert.All(points, p => Assert.Equal(ThermoSweep.AnnealedMethod, p.Method));
        ThermoSweepTests.WithinExact(points.ToArray(), Exact(model, Grid), slope: false);
    }

    [Fact]
    public void A_run_is_anchored_at_n_log_q_and_records_an_order_parameter_in_0_1()
    {
        var model = Potts();
        var samples = ThermoSweepTests.Ok(ThermoSweep.Sample(RngKey.FromSeed(3), model, [0.5, 1.0], new TemperingSettings(2, 64, 0)));
        Assert.Equal(9 * Math.Log(3), samples.LogZAtZero, 1e-12);
        Assert.Equal(0.0, samples.Betas[0]);
        var m = samples.Magnetisations.Match(s => s, () => throw new InvalidOperationException("no order parameter"));
        Assert.All(m, rung => Assert.All(rung.Span.ToArray(), x => Assert.InRange(x, 0.0, 1.0)));
    }

    [Fact]
    public void The_order_parameters_take_their_defined_values()
    {
        Assert.Equal(1.0, ThermoSweep.CategoricalOrder(Potts(), [0, 9, 0]), 1e-15);
        Assert.Equal(0.0, ThermoSweep.CategoricalOrder(Potts(), [3, 3, 3]), 1e-15);
        Assert.Equal((3.0 * 5 / 9 - 1) / 2, ThermoSweep.CategoricalOrder(Potts(), [2, 5, 2]), 1e-15);
        Assert.Equal(1.0, ThermoSweep.CategoricalOrder(Clock(), [0, 0, 8, 0]), 1e-15);
        Assert.Equal(0.0, ThermoSweep.CategoricalOrder(Clock(), [4, 0, 4, 0]), 1e-15);
        Assert.Equal(Math.Sqrt(2) / 2, ThermoSweep.CategoricalOrder(Clock(), [4, 4, 0, 0]), 1e-15);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.1)]
    public void The_clock_order_moments_are_those_of_the_exact_vector_magnetisation(double beta)
    {
        var model = Clock();
        var mine = Exact(model, [beta])[0].Order.Match(o => o, () => throw new InvalidOperationException("no order moments"));
        var exact = ThermoSweepTests.Ok(LogPartition.Exact(model, beta, ExactMethod.Enumeration)).Magnetisation
            .Match(m => m, () => throw new InvalidOperationException("no exact magnetisation"));
        var (absolute, fourth) = (exact.MeanAbsolute.IfNone(double.NaN) / 8, exact.MeanFourth.IfNone(double.NaN));
        Assert.Equal(absolute, mine.MeanAbsolute.Value, 1e-12);
        Assert.Equal(beta * (exact.MeanSquare / 8 - 8 * absolute * absolute), mine.Susceptibility.Value, 1e-9); // a difference of two moments of size 8: about 1e-12 of rounding
        Assert.Equal(1 - fourth / (3 * exact.MeanSquare * exact.MeanSquare), mine.Binder.Value, 1e-12);
    }

    [Fact]
    public void The_same_key_gives_the_same_bits_for_one_and_two_threads()
    {
        var one = ThermoSweepTests.Ok(ThermoSweep.Tempering(RngKey.FromSeed(5), Clock(), [0.3, 0.6], new TemperingSettings(2, 100, 10, MaxDegreeOfParallelism: 1)));
        var two = ThermoSweepTests.Ok(ThermoSweep.Tempering(RngKey.FromSeed(5), Clock(), [0.3, 0.6], new TemperingSettings(2, 100, 10, MaxDegreeOfParallelism: 2)));
        Assert.Equal(one, two);
    }

    /// <summary>
    /// The exact points with the exact order moments added: every state enumerated, m of each from its value counts;
    /// the enumeration's own log Z must agree with the library's exact one, which checks it.
    /// </summary>
    private static ThermoPoint[] Exact(ICategoricalModel model, double[] betas)
    {
        var exact = ThermoSweepTests.Ok(ThermoSweep.Exact(model, betas)).ToArray();
        var (q, n) = (model.Levels, model.Dimension);
        var states = (int)Math.Pow(q, n);
        var energies = new double[states];
        var orders = new double[states];
        var state = new double[n];
        var counts = new int[q];
        for (var s = 0; s < states; s++)
        {
            System.Array.Clear(counts);
            for (int i = 0, rest = s; i < n; i++, rest /= q)
            {
                state[i] = rest % q;
                counts[rest % q]++;
            }

            energies[s] = model.Energy(state);
            orders[s] = ThermoSweep.CategoricalOrder(model, counts);
        }

        return exact.Select(point => WithOrder(point, energies, orders, n)).ToArray();
    }

    private static ThermoPoint WithOrder(ThermoPoint point, double[] energies, double[] orders, int units)
    {
        var beta = point.Beta;
        var top = energies.Max(e => -beta * e);
        double z = 0, first = 0, second = 0, fourth = 0;
        for (var s = 0; s < energies.Length; s++)
        {
            var w = Math.Exp(-beta * energies[s] - top);
            var m = orders[s];
            (z, first, second, fourth) = (z + w, first + w * m, second + w * m * m, fourth + w * m * m * m * m);
        }

        Assert.Equal(point.LogZ.Value, top + Math.Log(z), 1e-9);
        var (absolute, square) = (first / z, second / z);
        return point with
        {
            Order = Some(new OrderMoments(
                Measured.Exact(absolute),
                Measured.Exact(beta * units * (square - absolute * absolute)),
                Measured.Exact(1 - fourth / z / (3 * square * square)))),
        };
    }
}
