using Ebm.Functional.Numerics;
using LanguageExt;
using MathNet.Numerics.LinearAlgebra;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Solves the self-consistent equations of multiple-histogram reweighting (Ferrenberg and Swendsen 1989), which are
/// MBAR's (Shirts and Chodera 2008, J. Chem. Phys. 129, 124105) when the reduced potential is beta E:
/// log Z_k = log sum_b n_b exp(-beta_k E_b) / D_b, D_b = sum_j N_j exp(-beta_j E_b - log Z_j), with log Z_0 fixed.
/// </summary>
/// <remarks>
/// Newton's method on s_k(log Z) = sum_b n_b W_kb = 1 for k &gt;= 1, W_kb = exp(-beta_k E_b - log Z_k) / D_b, whose Jacobian
/// is d s_k / d log Z_l = -delta_kl s_k + N_l sum_b n_b W_kb W_lb (Shirts and Chodera, appendix C); a step that does not
/// shrink the residual is replaced by one self-consistent update, which always makes progress. Everything is in log
/// space (log-sum-exp), so energies of any size are safe. Converged when every |log s_k| &lt; <see cref="Tolerance"/>.
/// </remarks>
internal static class MbarSolver
{
    /// <summary>Largest |log Z_k(new) - log Z_k| accepted as a solution: far below any sampling error.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Most iterations (Newton or self-consistent) before giving up.</summary>
    public const int MaxIterations = 5000;

    /// <summary>log Z_k of every rung, log Z_0 held at <paramref name="start"/>[0].</summary>
    public static Fin<double[]> Solve(EnergyHistogram histogram, double[] betas, double[] start)
    {
        var logZ = (double[])start.Clone();
        var residual = Residual(histogram, betas, logZ, out var updated);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            if (residual < Tolerance) return FinSucc(logZ);
            var newton = NewtonStep(histogram, betas, logZ);
            var newtonResidual = newton is null ? double.PositiveInfinity : Residual(histogram, betas, newton, out _);
            if (newton is not null && newtonResidual < residual)
            {
                logZ = newton;
                residual = Residual(histogram, betas, logZ, out updated);
                continue;
            }

            var shift = updated[0] - logZ[0];
            for (var k = 0; k < logZ.Length; k++) logZ[k] = k == 0 ? logZ[0] : updated[k] - shift;
            residual = Residual(histogram, betas, logZ, out updated);
        }

        return residual < Tolerance ? FinSucc(logZ) : FinFail<double[]>(ThermoErrors.NotConverged(MaxIterations, residual));
    }

    /// <summary>log D_b = log sum_j N_j exp(-beta_j E_b - log Z_j) for every energy.</summary>
    public static double[] LogDenominators(EnergyHistogram histogram, double[] betas, double[] logZ)
    {
        var terms = new double[betas.Length];
        var result = new double[histogram.Energies.Length];
        for (var b = 0; b < result.Length; b++)
        {
            for (var j = 0; j < betas.Length; j++)
                terms[j] = histogram.Draws[j] > 0 ? Math.Log(histogram.Draws[j]) - betas[j] * histogram.Energies[b] - logZ[j] : double.NegativeInfinity;
            result[b] = LogSpace.LogSumExp(terms);
        }

        return result;
    }

    /// <summary>log Z(beta) = log sum_b n_b exp(-beta E_b - log D_b).</summary>
    public static double LogZ(EnergyHistogram histogram, double[] logDenominators, double beta)
    {
        var terms = new double[histogram.Energies.Length];
        for (var b = 0; b < terms.Length; b++)
            terms[b] = histogram.Counts[b] > 0 ? Math.Log(histogram.Counts[b]) - beta * histogram.Energies[b] - logDenominators[b] : double.NegativeInfinity;
        return LogSpace.LogSumExp(terms);
    }

    private static double Residual(EnergyHistogram histogram, double[] betas, double[] logZ, out double[] updated)
    {
        var logD = LogDenominators(histogram, betas, logZ);
        updated = betas.Select(beta => LogZ(histogram, logD, beta)).ToArray();
        var worst = 0.0;
        for (var k = 0; k < logZ.Length; k++) worst = Math.Max(worst, Math.Abs(updated[k] - logZ[k]));
        return double.IsNaN(worst) ? double.PositiveInfinity : worst;
    }

    private static double[]? NewtonStep(EnergyHistogram histogram, double[] betas, double[] logZ)
    {
        var rungs = betas.Length;
        if (rungs < 2) return null;
        var logD = LogDenominators(histogram, betas, logZ);
        var bins = histogram.Energies.Length;
        var weights = new double[rungs, bins];
        for (var k = 0; k < rungs; k++)
        for (var b = 0; b < bins; b++)
            weights[k, b] = Math.Exp(-betas[k] * histogram.Energies[b] - logZ[k] - logD[b]);

        var jacobian = Matrix<double>.Build.Dense(rungs - 1, rungs - 1);
        var rhs = Vector<double>.Build.Dense(rungs - 1);
        for (var k = 1; k < rungs; k++)
        {
            var s = 0.0;
            for (var b = 0; b < bins; b++) s += histogram.Counts[b] * weights[k, b];
            rhs[k - 1] = 1.0 - s;
            for (var l = 1; l < rungs; l++)
            {
                var cross = 0.0;
                for (var b = 0; b < bins; b++) cross += histogram.Counts[b] * weights[k, b] * weights[l, b];
                jacobian[k - 1, l - 1] = histogram.Draws[l] * cross - (k == l ? s : 0.0);
            }
        }

        var step = jacobian.Solve(rhs);
        if (step.Any(x => !double.IsFinite(x))) return null;
        var next = (double[])logZ.Clone();
        for (var k = 1; k < rungs; k++) next[k] += step[k - 1];
        return next;
    }
}
