using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

public static partial class ThermoSweep
{
    /// <summary>The method name of <see cref="Tempering"/>'s points.</summary>
    public const string TemperingMethod = "pt";

    /// <summary>
    /// Thermodynamics at every beta of <paramref name="betas"/> by parallel tempering over the grid (<see cref="Sample"/>),
    /// each quantity with its batch-means standard error (<see cref="Estimate"/>).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="model">An Ising, Potts or clock lattice, or another discrete model.</param>
    /// <param name="betas">The grid, each finite and at least 0, distinct, one above 0 at least.</param>
    /// <param name="settings">Chains, sweeps and burn-in.</param>
    /// <param name="progress">Receives the fraction of sweeps done.</param>
    /// <returns>One point per beta, in increasing beta.</returns>
    public static Fin<Seq<ThermoPoint>> Tempering(
        RngKey key, IEnergyModel model, IReadOnlyList<double> betas, TemperingSettings settings, IProgress<double>? progress = null) =>
        Sample(key, model, betas, settings, progress).Bind(samples => Estimate(samples, betas));

    /// <summary>
    /// The thermodynamics of the rungs <paramref name="betas"/> of a tempering run, each with its standard error.
    /// </summary>
    /// <remarks>
    /// <para>Per rung, from the C x T recorded energies: U = mean E; C = beta^2 mean (E - U)^2; the magnetisation moments
    /// likewise. The standard error of each is the batch-means MCSE (Flegal and Jones 2010; batches of ⌊√T⌋ sweeps) of its
    /// influence function, e.g. beta^2 (E - U)^2 for C and beta N (m^2 - 2 &lt;|m|&gt; |m|) for chi: the delta method with the
    /// time correlation kept.</para>
    /// <para>log Z by thermodynamic integration from beta = 0, where log Z(0) = N log q exactly (q = 2 for binary units): log Z(beta_k) = log Z(0)
    /// - integral_0^beta_k U d beta, each interval by the cubic Hermite rule, which also uses the known slope
    /// dU/d beta = -Var E: integral_a^b U = h (U_a + U_b) / 2 + h^2 (Var_b - Var_a) / 12, exact for cubics (error
    /// O(h^5) per interval, left out of the error bar, which is the sampling error only). Its error is the batch-means
    /// MCSE of the integral's influence summed over the rungs chain by chain and sweep by sweep, so the correlation
    /// between rungs that exchanges create is counted. F = -log Z / beta and S = beta U + log Z follow, with theirs.</para>
    /// <para>C from the slope: C = -beta^2 dU/d beta by a central difference of U over the neighbouring rungs
    /// (one-sided at the ends), with its own batch-means error: agreement with beta^2 Var E within the errors checks the
    /// run (the difference carries an O(h^2) bias of its own).</para>
    /// </remarks>
    /// <param name="samples">A tempering run's records.</param>
    /// <param name="betas">Rungs of <paramref name="samples"/> (any order; the points come in increasing beta).</param>
    public static Fin<Seq<ThermoPoint>> Estimate(TemperingSamples samples, IReadOnlyList<double> betas)
    {
        if (!BatchStatistics.AllFinite(samples.Energies)) return FinFail<Seq<ThermoPoint>>(ThermoErrors.InvalidSettings("samples", "an energy is not finite"));
        var ladder = samples.Betas.ToArray();
        var rungs = new List<int>();
        foreach (var beta in betas.Order())
        {
            var k = System.Array.IndexOf(ladder, beta);
            if (k < 0) return FinFail<Seq<ThermoPoint>>(ThermoErrors.InvalidBetas($"{beta} is not a rung of the run"));
            rungs.Add(k);
        }

        var means = samples.Energies.Map(BatchStatistics.Mean).ToArray();
        var variances = samples.Energies.Map((k, e) => BatchStatistics.Mean(BatchStatistics.Map(e, x => (x - means[k]) * (x - means[k])))).ToArray();
        return FinSucc(rungs.Select(k => Point(samples, ladder, means, variances, k)).ToSeq());
    }

    private static ThermoPoint Point(TemperingSamples samples, double[] ladder, double[] means, double[] variances, int k)
    {
        var beta = ladder[k];
        var energies = samples.Energies[k];
        var meanEnergy = new Measured(means[k], BatchStatistics.Error(energies));
        var u = means[k];
        var heat = BatchStatistics.Map(energies, x => beta * beta * (x - u) * (x - u));
        var integral = IntegralInfluence(samples, ladder, means, variances, k);
        var logZ = samples.LogZAtZero - BatchStatistics.Mean(integral);
        var logZError = k == 0 ? 0.0 : BatchStatistics.Error(integral);
        var entropy = BatchStatistics.Combine([energies, integral], [x => beta * x, x => -x]);
        return new ThermoPoint(
            TemperingMethod, beta,
            new Measured(logZ, logZError),
            meanEnergy,
            new Measured(-logZ / beta, logZError / beta),
            new Measured(beta * u + logZ, k == 0 ? 0.0 : BatchStatistics.Error(entropy)),
            new Measured(BatchStatistics.Mean(heat), BatchStatistics.Error(heat)),
            Some(Slope(samples, ladder, k)),
            samples.Magnetisations.Map(m => Order(m[k], beta, samples.Units)));
    }

    /// <summary>Per chain and sweep, the influence of integral_0^beta_k U d beta by the Hermite rule (zero at k = 0).</summary>
    private static Mat IntegralInfluence(TemperingSamples samples, double[] ladder, double[] means, double[] variances, int k)
    {
        var weights = new double[k + 1];
        var curvature = new double[k + 1];
        for (var j = 0; j < k; j++)
        {
            var h = ladder[j + 1] - ladder[j];
            weights[j] += h / 2;
            weights[j + 1] += h / 2;
            curvature[j] -= h * h / 12;
            curvature[j + 1] += h * h / 12;
        }

        var traces = Enumerable.Range(0, k + 1).Select(j => samples.Energies[j]).ToArray();
        var terms = Enumerable.Range(0, k + 1)
            .Select(j => (Func<double, double>)(x => weights[j] * x + curvature[j] * (x - means[j]) * (x - means[j])))
            .ToArray();
        return BatchStatistics.Combine(traces, terms);
    }

    private static Measured Slope(TemperingSamples samples, double[] ladder, int k)
    {
        int low = Math.Max(k - 1, 0), high = Math.Min(k + 1, ladder.Length - 1);
        var scale = -ladder[k] * ladder[k] / (ladder[high] - ladder[low]);
        var difference = BatchStatistics.Combine([samples.Energies[high], samples.Energies[low]], [x => scale * x, x => -scale * x]);
        return new Measured(BatchStatistics.Mean(difference), BatchStatistics.Error(difference));
    }

    private static OrderMoments Order(Mat m, double beta, int units)
    {
        var absolute = BatchStatistics.Mean(BatchStatistics.Map(m, Math.Abs));
        var square = BatchStatistics.Mean(BatchStatistics.Map(m, x => x * x));
        var fourth = BatchStatistics.Mean(BatchStatistics.Map(m, x => x * x * x * x));
        var susceptibility = BatchStatistics.Map(m, x => beta * units * (x * x - 2 * absolute * Math.Abs(x)));
        var binder = BatchStatistics.Map(m, x => -x * x * x * x / (3 * square * square) + 2 * fourth * x * x / (3 * square * square * square));
        return new OrderMoments(
            new Measured(absolute, BatchStatistics.Error(BatchStatistics.Map(m, Math.Abs))),
            new Measured(beta * units * (square - absolute * absolute), BatchStatistics.Error(susceptibility)),
            new Measured(1 - fourth / (3 * square * square), BatchStatistics.Error(binder)));
    }
}
