using Ebm.Functional.Estimation;
using Ebm.Functional.Prng;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// The one chi-square check of a standard error, shared by every estimator's calibration test: over
/// <see cref="Runs"/> independent keys, z_r = (estimate_r - exact) / SE_r, and sum z_r^2 must lie between the
/// <see cref="Delta"/> and 1 - <see cref="Delta"/> quantiles of chi-square on <see cref="Runs"/> degrees of freedom.
/// </summary>
/// <remarks>
/// <para>With a calibrated error each z_r is standard normal (or Student t, for an error from the spread of a few
/// repetitions: it is then mapped to the normal with the same tail probability), so sum z^2 is chi-square on
/// R = 40 degrees of freedom and leaves [10.73, 97.65] with probability 2 delta = 2e-6.</para>
/// <para>Power, computed from the same distribution: an error inflated threefold makes sum z^2 = chi2_40 / 9, which
/// reaches the floor 10.73 only if chi2_40 &gt;= 96.6, probability 1.4e-6; an error understated threefold makes it
/// 9 chi2_40, below the ceiling 97.65 only if chi2_40 &lt;= 10.85, probability 1.2e-6. (With 20 runs the same floor
/// would miss a threefold inflation 29% of the time, hence 40.)</para>
/// <para>The delta method's z is only asymptotically normal (skewed weights make it a little heavy-tailed); the
/// callers keep the weight ESS high so that the ceiling is not reached by that alone.</para>
/// </remarks>
internal static class ErrorCalibration
{
    /// <summary>Independent runs R per calibration.</summary>
    public const int Runs = 40;

    /// <summary>The probability that a calibrated error falls below the floor (and, separately, above the ceiling).</summary>
    public const double Delta = 1e-6;

    /// <summary>chi-square_R quantile at <see cref="Delta"/>: sum z^2 below it means the errors are too large.</summary>
    public static double Floor => ChiSquared.InvCDF(Runs, Delta);

    /// <summary>chi-square_R quantile at 1 - <see cref="Delta"/>: sum z^2 above it means the errors are too small (or the estimate biased).</summary>
    public static double Ceiling => ChiSquared.InvCDF(Runs, 1 - Delta);

    /// <summary>Runs the estimator on <c>root.FoldIn(r)</c>, r = 0..R-1, and asserts the chi-square bounds.</summary>
    /// <param name="exact">The exact value the estimates aim at.</param>
    /// <param name="run">One independent run of the estimator.</param>
    /// <param name="seed">The root seed.</param>
    /// <param name="studentDegreesOfFreedom">When the error comes from the spread of k repetitions, k - 1: z is then Student t.</param>
    /// <remarks>
    /// The runs are healthy by construction, so none may carry a warning: the weight-degeneracy rule, the sampler checks
    /// and the checks of every estimate must stay silent on them.
    /// </remarks>
    public static void AssertCalibrated(double exact, Func<RngKey, LogZEstimate> run, ulong seed, double? studentDegreesOfFreedom = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var root = RngKey.FromSeed(seed);
        var estimates = Enumerable.Range(0, Runs).Select(r => run(root.FoldIn(r))).ToArray();
        var warned = estimates.Where(e => !e.IsClean).Select(e => string.Join("; ", e.Warnings)).ToArray();
        Assert.True(warned.Length == 0, $"{warned.Length} of {Runs} healthy runs carry warnings: {string.Join(" | ", warned.Take(3))}");

        var z = estimates.Select(e => NormalScore((e.LogZ - exact) / e.StandardError, studentDegreesOfFreedom)).ToArray();
        var sumSquares = z.Sum(x => x * x);
        var shown = string.Join(", ", z.Select(x => x.ToString("F2")));
        Assert.True(sumSquares >= Floor, $"sum z^2 = {sumSquares:F2} below the chi-square floor {Floor:F2}: the errors are too large. z = [{shown}]");
        Assert.True(sumSquares <= Ceiling, $"sum z^2 = {sumSquares:F2} above the chi-square ceiling {Ceiling:F2}: the errors are too small. z = [{shown}]");
    }

    /// <summary>The standard normal quantile with the same lower-tail probability as z under Student t (z itself when normal).</summary>
    private static double NormalScore(double z, double? degreesOfFreedom)
    {
        if (degreesOfFreedom is not { } nu) return z;
        // Through the smaller tail, so that a large |z| keeps its precision (1 - CDF would round to 0).
        var tail = StudentT.CDF(0, 1, nu, -Math.Abs(z));
        return Math.Sign(z) * -Normal.InvCDF(0, 1, tail);
    }
}
