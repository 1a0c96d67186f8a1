using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Multiple-histogram reweighting / MBAR (Ferrenberg and Swendsen 1989, Phys. Rev. Lett. 63, 1195; Shirts and Chodera
/// 2008, J. Chem. Phys. 129, 124105): every sample of every rung of a tempering run, combined into log Z(beta), U, C and
/// the order moments at ANY beta inside the sampled range, smooth between the rungs.
/// </summary>
/// <remarks>
/// <para>With the sampled betas beta_k (N_k samples each) and the n_b samples of all rungs at energy E_b, the free energies
/// solve log Z_k = log sum_b n_b exp(-beta_k E_b) / D_b, D_b = sum_j N_j exp(-beta_j E_b - log Z_j) (<see cref="MbarSolver"/>,
/// tolerance 1e-10 in log Z). Then at any beta, p_beta(E_b) ∝ n_b exp(-beta E_b) / D_b gives log Z(beta), U, Var E and,
/// from the per-energy sums of |m|, m^2, m^4, the order moments. log Z is absolute: the rung at beta = 0 holds log Z(0) = N log 2.</para>
/// <para>Error bars: a delete-one-group jackknife over G = <see cref="DefaultGroups"/> groups of consecutive sweeps (all
/// chains and rungs together): sigma^2 = (G-1)/G sum_g (theta_(g) - mean theta)^2, each theta_(g) a full re-solve
/// without group g. Chosen over MBAR's asymptotic covariance, which assumes independent samples while PT samples are
/// correlated in time and between rungs; groups of T/G sweeps much longer than the autocorrelation time keep both
/// correlations, and the jackknife handles the nonlinear quantities (log Z, C, U_4) without extra derivations. With
/// G = 20 the error bar itself is uncertain by about 1/sqrt(2 (G-1)) = 16 %.</para>
/// <para><see cref="ThermoPoint.HeatCapacityFromSlope"/> is None: the reweighted dU/d beta is -Var E identically.</para>
/// </remarks>
public static class Reweighting
{
    /// <summary>The method name of the points.</summary>
    public const string Method = "reweighting";

    /// <summary>Jackknife groups of consecutive sweeps.</summary>
    public const int DefaultGroups = 20;

    /// <summary>
    /// Parallel tempering over <paramref name="grid"/> (<see cref="ThermoSweep.Sample"/>), reweighted to every beta of
    /// <paramref name="betas"/> (each within the grid's range).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="model">An Ising, Potts or clock lattice, or another discrete model.</param>
    /// <param name="grid">The sampled betas.</param>
    /// <param name="betas">Where to evaluate.</param>
    /// <param name="settings">Chains, sweeps and burn-in.</param>
    /// <param name="progress">Receives the fraction of sweeps done.</param>
    public static Fin<Seq<ThermoPoint>> Run(
        RngKey key, IEnergyModel model, IReadOnlyList<double> grid, IReadOnlyList<double> betas, TemperingSettings settings, IProgress<double>? progress = null) =>
        ThermoSweep.Sample(key, model, grid, settings, progress).Bind(samples => Sweep(samples, betas));

    /// <summary>The reweighted thermodynamics of <paramref name="samples"/> at every beta of <paramref name="betas"/>, with jackknife errors.</summary>
    /// <param name="samples">A tempering run whose first rung is beta = 0.</param>
    /// <param name="betas">Where to evaluate, each in [0, the largest rung].</param>
    /// <param name="groups">Jackknife groups (at least 2, at most the number of sweeps).</param>
    public static Fin<Seq<ThermoPoint>> Sweep(TemperingSamples samples, IReadOnlyList<double> betas, int groups = DefaultGroups) =>
        Curves(samples, betas, groups).Map(c => c.Full.Points(c.LeftOut, samples.Magnetisations.IsSome));

    /// <summary>
    /// The maximum of the reweighted C: the vertex of the parabola through the largest C on <paramref name="betas"/> and
    /// its two neighbours, located again without each jackknife group, so its error keeps the correlation between
    /// neighbouring points of the curve that <see cref="FiniteSize.HeatCapacityPeak"/> cannot see.
    /// </summary>
    /// <param name="samples">A tempering run whose first rung is beta = 0.</param>
    /// <param name="betas">A fine grid around the peak, inside the sampled range (at least 3 betas; spacing well below the peak's width).</param>
    /// <param name="groups">Jackknife groups.</param>
    public static Fin<FiniteSizePeak> HeatCapacityPeak(TemperingSamples samples, IReadOnlyList<double> betas, int groups = DefaultGroups) =>
        Curves(samples, betas, groups).Bind(c =>
            from full in Peak(c.Full)
            from leftOut in c.LeftOut.Select(Peak).ToSeq().Sequence()
            select new FiniteSizePeak(
                new Measured(full.Beta.Value, Jackknife(leftOut.Map(p => p.Beta.Value).ToArray())),
                new Measured(full.Height.Value, Jackknife(leftOut.Map(p => p.Height.Value).ToArray()))));

    private static Fin<FiniteSizePeak> Peak(ReweightedCurve curve) =>
        FiniteSize.HeatCapacityPeak(curve.Points([], false).ToArray());

    /// <summary>sqrt((G-1)/G sum_g (theta_g - mean)^2).</summary>
    internal static double Jackknife(double[] leftOut)
    {
        var mean = leftOut.Average();
        return Math.Sqrt((leftOut.Length - 1.0) / leftOut.Length * leftOut.Sum(x => (x - mean) * (x - mean)));
    }

    private static Fin<(ReweightedCurve Full, ReweightedCurve[] LeftOut)> Curves(TemperingSamples samples, IReadOnlyList<double> betas, int groups)
    {
        var ladder = samples.Betas.ToArray();
        if (ladder.Length < 2 || ladder[0] != 0.0)
            return FinFail<(ReweightedCurve, ReweightedCurve[])>(ThermoErrors.InvalidSettings("samples", "reweighting needs a rung at beta = 0 and one above it"));
        if (groups < 2 || groups > samples.Sweeps)
            return FinFail<(ReweightedCurve, ReweightedCurve[])>(ThermoErrors.InvalidSettings("groups", $"{groups}, expected 2 to {samples.Sweeps}"));
        if (!BatchStatistics.AllFinite(samples.Energies))
            return FinFail<(ReweightedCurve, ReweightedCurve[])>(ThermoErrors.InvalidSettings("samples", "an energy is not finite"));
        foreach (var beta in betas)
            if (!(beta >= 0 && beta <= ladder[^1]))
                return FinFail<(ReweightedCurve, ReweightedCurve[])>(ThermoErrors.OutsideSampledRange(beta, 0, ladder[^1]));

        var parts = EnergyHistogram.Groups(samples, groups);
        var all = EnergyHistogram.SumExcept(parts, -1);
        var start = IntegratedStart(samples, ladder);
        var sorted = betas.Order().ToArray();
        return MbarSolver.Solve(all, ladder, start).Bind(full =>
        {
            var estimate = ReweightedCurve.At(all, ladder, full, sorted, samples.Units);
            var leftOut = new ReweightedCurve[groups];
            for (var g = 0; g < groups; g++)
            {
                var part = EnergyHistogram.SumExcept(parts, g);
                var solved = MbarSolver.Solve(part, ladder, full);
                if (solved.IsFail) return solved.Map(_ => (estimate, leftOut));
                leftOut[g] = ReweightedCurve.At(part, ladder, (double[])solved, sorted, samples.Units);
            }

            return FinSucc((estimate, leftOut));
        });
    }

    /// <summary>A starting point for the solver: log Z_k by the trapezoid rule on the rungs' mean energies.</summary>
    private static double[] IntegratedStart(TemperingSamples samples, double[] ladder)
    {
        var means = samples.Energies.Map(BatchStatistics.Mean).ToArray();
        var start = new double[ladder.Length];
        start[0] = samples.LogZAtZero;
        for (var k = 1; k < ladder.Length; k++) start[k] = start[k - 1] - (ladder[k] - ladder[k - 1]) * (means[k] + means[k - 1]) / 2;
        return start;
    }
}
