using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Exact;

/// <summary>Exact, independent draws from tractable distributions: the bases of annealing paths and exact target samples.</summary>
public static class ExactDraws
{
    /// <summary>
    /// <paramref name="count"/> states uniform over {0,1}^n or {-1,+1}^n; draw j of row r uses uniform number
    /// r n + j of <paramref name="key"/>.
    /// </summary>
    public static Mat Uniform(RngKey key, int count, int units, StateConvention convention)
    {
        CheckCount(count);
        var (low, high) = convention == StateConvention.Spin ? (-1.0, 1.0) : (0.0, 1.0);
        return Mat.Create(count, units, d =>
        {
            for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? low : high;
        });
    }

    /// <summary>
    /// Draws from p_beta(x) of a Gaussian model, exp(-beta (x - mu)^T P (x - mu) / 2) normalised:
    /// x = mu + L^-T z / sqrt(beta) with P = L L^T and z standard normal (normal number r d + j of the key).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">beta not positive and finite, or count negative.</exception>
    public static Mat Gaussian(RngKey key, int count, GaussianModel model, double beta = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckCount(count);
        if (!(beta > 0) || !double.IsFinite(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be positive and finite");
        var d = model.Dimension;
        var factor = model.CholeskyFactor;
        var scale = 1.0 / Math.Sqrt(beta);
        return Mat.Create(count, d, x =>
        {
            var normal = new double[d];
            for (var r = 0; r < count; r++)
            {
                key.Normal(normal, (long)r * d);
                var row = x.Slice(r * d, d);
                // Back substitution: L^T y = z, L lower triangular (row-major), so L^T is upper.
                for (var i = d - 1; i >= 0; i--)
                {
                    var s = normal[i];
                    for (var k = i + 1; k < d; k++) s -= factor[k, i] * row[k];
                    row[i] = s / factor[i, i];
                }

                for (var i = 0; i < d; i++) row[i] = model.Mean[i] + scale * row[i];
            }
        });
    }

    /// <summary>
    /// <paramref name="count"/> exact, independent draws from p_beta of a tiny discrete model, by inverting the
    /// cumulative distribution of the enumerated probabilities (<see cref="Enumeration.Probabilities"/>, at most
    /// <see cref="Enumeration.MaxTableUnits"/> units): row r is the first state index x (bit i = unit i high)
    /// whose cumulative probability exceeds uniform number r of <paramref name="key"/>.
    /// </summary>
    /// <returns>The states, or the enumeration's error (too many units, invalid beta).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Fin<Mat> Discrete(RngKey key, int count, IDiscreteModel model, double beta)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckCount(count);
        return Enumeration.Probabilities(model, beta).Map(probabilities =>
        {
            var cumulative = new double[probabilities.Length];
            var total = 0.0;
            for (var x = 0; x < cumulative.Length; x++) cumulative[x] = total += probabilities[x];
            var n = model.Dimension;
            var low = model.States == StateConvention.Spin ? -1.0 : 0.0;
            return Mat.Create(count, n, d =>
            {
                for (var r = 0; r < count; r++)
                {
                    // Scaling by the computed total keeps the last state reachable whatever the rounding of the sum.
                    var u = key.UniformAt(r) * total;
                    var x = FirstAbove(cumulative, u);
                    for (var i = 0; i < n; i++) d[r * n + i] = ((x >> i) & 1) == 1 ? 1.0 : low;
                }
            });
        });
    }

    /// <summary><see cref="Discrete"/> as discrete chains with their energies: exact target samples for reverse AIS on a tempered path.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Fin<DiscreteChains> DiscreteChains(RngKey key, int count, IDiscreteModel model, double beta) =>
        Discrete(key, count, model, beta).Map(states => new DiscreteChains(states, model.Energies(states)));

    // The first index whose cumulative sum exceeds u (< the total), so a state of probability zero is never chosen.
    private static int FirstAbove(double[] cumulative, double u)
    {
        var (low, high) = (0, cumulative.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulative[middle] > u) high = middle;
            else low = middle + 1;
        }

        return low;
    }

    private static void CheckCount(int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "the number of draws cannot be negative");
    }
}
