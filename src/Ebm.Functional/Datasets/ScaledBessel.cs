namespace Ebm.Functional.Datasets;

/// <summary>
/// The exponentially scaled modified Bessel function of the first kind of order zero, e^(-z) I0(z) for z >= 0, to
/// close to double precision and without overflow (I0 itself overflows beyond z = 713).
/// </summary>
/// <remarks>
/// Below <see cref="AsymptoticFrom"/> the power series I0(z) = sum_k ((z/2)^k / k!)² (all terms positive, so no
/// cancellation); from there the asymptotic expansion e^(-z) I0(z) = (2 pi z)^(-1/2) sum_k a_k with a_0 = 1,
/// a_k = a_(k-1) (2k - 1)² / (8 k z) (Abramowitz and Stegun 9.7.1), whose smallest term, near k = 2z, is about
/// e^(-2z) &lt; 1e-21: the sum stops there or once a term no longer changes it.
/// </remarks>
internal static class ScaledBessel
{
    /// <summary>Where the asymptotic expansion takes over from the power series.</summary>
    public const double AsymptoticFrom = 25.0;

    /// <summary>e^(-z) I0(z) for z >= 0 (NaN for a NaN or negative argument).</summary>
    public static double I0(double z)
    {
        if (!(z >= 0)) return double.NaN;
        if (double.IsPositiveInfinity(z)) return 0;
        return z < AsymptoticFrom ? Series(z) : Asymptotic(z);
    }

    private static double Series(double z)
    {
        var quarterSquare = z * z / 4;
        double term = 1, sum = 1;
        for (var k = 1; term > sum * 1e-17; k++)
        {
            term *= quarterSquare / ((double)k * k);
            sum += term;
        }

        return sum * Math.Exp(-z);
    }

    private static double Asymptotic(double z)
    {
        double term = 1, sum = 1;
        for (var k = 1; ; k++)
        {
            var next = term * (2.0 * k - 1) * (2.0 * k - 1) / (8.0 * k * z);
            if (next >= term || sum + next == sum) break;
            term = next;
            sum += term;
        }

        return sum / Math.Sqrt(2 * Math.PI * z);
    }
}
