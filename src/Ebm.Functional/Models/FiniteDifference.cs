namespace Ebm.Functional.Models;

/// <summary>
/// The gradient of an energy by the fourth-order central difference
/// dE/dx_i = (8 (E(x + h e_i) - E(x - h e_i)) - (E(x + 2h e_i) - E(x - 2h e_i))) / (12 h) (Abramowitz and Stegun 1964, 25.3.6).
/// </summary>
/// <remarks>
/// The truncation error is h^4 |E^(5)| / 30 and the rounding error about 1.5 eps |E| / h (eps = 2.2e-16). The step
/// h_i = eps^(1/5) max(1, |x_i|) = 7.4e-4 max(1, |x_i|) balances the two, so the error of each component is about
/// 3e-13 max(|E|, |E^(5)|) on the scale of max(1, |x_i|): 1e-12 of the energy's size for an energy that varies on
/// scales of order one or wider. Features narrower than h (a peak of width 1e-3) are not resolved. The step is
/// rounded so that x + h is exact, which removes the representation error of h itself.
/// </remarks>
internal static class FiniteDifference
{
    /// <summary>eps^(1/5) for double precision.</summary>
    private const double RelativeStep = 7.4e-4;

    /// <summary>Points up to this dimension are copied on the stack.</summary>
    private const int StackDimension = 256;

    /// <summary>Writes the finite-difference gradient of <paramref name="energy"/> at <paramref name="x"/> into <paramref name="gradient"/>.</summary>
    public static void Gradient(Func<ReadOnlySpan<double>, double> energy, ReadOnlySpan<double> x, Span<double> gradient)
    {
        var d = x.Length;
        Span<double> shifted = d <= StackDimension ? stackalloc double[d] : new double[d];
        x.CopyTo(shifted);
        for (var i = 0; i < d; i++)
        {
            var origin = x[i];
            var h = (origin + RelativeStep * Math.Max(1.0, Math.Abs(origin))) - origin;
            shifted[i] = origin + h;
            var plus = energy(shifted);
            shifted[i] = origin - h;
            var minus = energy(shifted);
            shifted[i] = origin + 2.0 * h;
            var plusTwice = energy(shifted);
            shifted[i] = origin - 2.0 * h;
            var minusTwice = energy(shifted);
            shifted[i] = origin;
            gradient[i] = (8.0 * (plus - minus) - (plusTwice - minusTwice)) / (12.0 * h);
        }
    }
}
