using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Langevin;

/// <summary>
/// The Langevin proposal shared by ULA and MALA: x' = m(x) + eps xi with mean
/// m(x) = x - (eps^2 / 2) beta grad E(x), i.e. q(x' | x) = N(x'; m(x), eps^2 I).
/// </summary>
internal static class LangevinProposal
{
    /// <summary>Writes x' into <paramref name="proposal"/>, with xi_j = <paramref name="noise"/>.NormalAt(j).</summary>
    public static void Draw(RngKey noise, ReadOnlySpan<double> x, ReadOnlySpan<double> gradient, double beta, double stepSize, Span<double> proposal)
    {
        var drift = 0.5 * stepSize * stepSize * beta;
        for (var j = 0; j < x.Length; j++) proposal[j] = x[j] - drift * gradient[j] + stepSize * noise.NormalAt(j);
    }

    /// <summary>
    /// log q(to | from) up to the constant -(d/2) log(2 pi eps^2), which cancels in the MH ratio:
    /// -|to - m(from)|^2 / (2 eps^2).
    /// </summary>
    public static double LogDensity(ReadOnlySpan<double> to, ReadOnlySpan<double> from, ReadOnlySpan<double> fromGradient, double beta, double stepSize)
    {
        var drift = 0.5 * stepSize * stepSize * beta;
        var squared = 0.0;
        for (var j = 0; j < to.Length; j++)
        {
            var r = to[j] - (from[j] - drift * fromGradient[j]);
            squared += r * r;
        }

        return -squared / (2.0 * stepSize * stepSize);
    }
}
