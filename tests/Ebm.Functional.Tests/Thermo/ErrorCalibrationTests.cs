using Ebm.Functional.Exact;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using static Ebm.Functional.Tests.Thermo.ThermoSweepTests;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// The error bars are calibrated: over <see cref="Seeds"/> independent runs on a 4 x 4 torus, the fraction of estimates
/// within 2 sigma of the exact value is that of a normal variable, 0.954.
/// </summary>
/// <remarks>
/// Per method, 20 seeds x 4 betas x 4 quantities = 320 comparisons. Quantities of one run are correlated, so the binomial
/// standard deviation sqrt(0.954 x 0.046 / 320) = 0.012 is widened by the design effect of 4 correlated quantities per
/// point (at most a factor 2): the fraction must lie within 0.954 ± 3 x 0.024, i.e. in [0.88, 1.0). Error bars half the
/// true size would give 0.68, twice the size 0.99995 (above <see cref="MaximumFraction"/>).
/// </remarks>
public sealed class ErrorCalibrationTests
{
    private const int Seeds = 20;
    private const double MinimumFraction = 0.88;

    /// <summary>Error bars twice too large put 1 - 6e-5 of estimates within 2 sigma; 0.997 is 3 sigma's share.</summary>
    private const double MaximumFraction = 0.997;

    private static readonly double[] Betas = [0.2, 0.3, 0.4, 0.5];
    private static readonly TemperingSettings Settings = new(Chains: 2, Sweeps: 1000, BurnIn: 100);

    [Fact]
    public void Tempering_error_bars_cover_the_exact_values_as_often_as_they_should()
    {
        var exact = Ok(ThermoSweep.Exact(Torus(4), Betas, ExactMethod.Enumeration)).ToArray();
        var fraction = Covered(seed => Ok(ThermoSweep.Tempering(RngKey.FromSeed(seed), Torus(4), Betas, Settings)).ToArray(), exact);
        Assert.InRange(fraction, MinimumFraction, MaximumFraction);
    }

    [Fact]
    public void Reweighting_error_bars_cover_the_exact_values_as_often_as_they_should()
    {
        var exact = Ok(ThermoSweep.Exact(Torus(4), Betas, ExactMethod.Enumeration)).ToArray();
        var fraction = Covered(seed => Ok(Reweighting.Run(RngKey.FromSeed(seed), Torus(4), Betas, Betas, Settings)).ToArray(), exact);
        Assert.InRange(fraction, MinimumFraction, MaximumFraction);
    }

    [Fact]
    public void Annealing_error_bars_cover_the_exact_values_as_often_as_they_should()
    {
        var exact = Ok(ThermoSweep.Exact(Torus(4), Betas, ExactMethod.Enumeration)).ToArray();
        var fraction = Covered(seed => Ok(ThermoSweep.Annealed(RngKey.FromSeed(seed), Torus(4), Betas, new AnnealedSettings(Particles: 500))).ToArray(), exact);
        Assert.InRange(fraction, MinimumFraction, MaximumFraction);
    }

    private static double Covered(Func<ulong, ThermoPoint[]> run, ThermoPoint[] exact)
    {
        int inside = 0, total = 0;
        for (var seed = 1UL; seed <= Seeds; seed++)
        {
            var points = run(1000 + seed);
            for (var i = 0; i < points.Length; i++)
            {
                foreach (var (estimate, truth) in new[]
                         {
                             (points[i].LogZ, exact[i].LogZ.Value), (points[i].MeanEnergy, exact[i].MeanEnergy.Value),
                             (points[i].HeatCapacity, exact[i].HeatCapacity.Value), (points[i].Entropy, exact[i].Entropy.Value),
                         })
                {
                    total++;
                    if (Math.Abs(estimate.Value - truth) <= 2 * estimate.Error) inside++;
                }
            }
        }

        return (double)inside / total;
    }
}
