namespace Ebm.Functional.Exact;

/// <summary>
/// The derived thermodynamic quantities formed so that no intermediate over- or underflows where the
/// result is representable.
/// </summary>
internal static class ExactThermodynamics
{
    /// <summary>S = beta U + log Z (beta U is taken as 0 at beta = 0, where U is finite).</summary>
    public static double Entropy(double beta, double meanEnergy, double logZ) => (beta == 0.0 ? 0.0 : beta * meanEnergy) + logZ;

    /// <summary>
    /// log(2 pi / beta), the Gaussian factor of a continuous model's log Z: taken as log(2 pi) - log(beta) where
    /// 2 pi / beta is not a normal number (it overflows below beta of about 3.5e-308).
    /// </summary>
    public static double LogTwoPiOver(double beta)
    {
        var ratio = 2.0 * Math.PI / beta;
        return double.IsNormal(ratio) ? Math.Log(ratio) : Math.Log(2.0 * Math.PI) - Math.Log(beta);
    }

    /// <summary>C = beta^2 Var(E), through <see cref="SquareTimes"/>.</summary>
    public static double HeatCapacity(double beta, double energyVariance) => SquareTimes(beta, energyVariance);

    /// <summary>
    /// C from the two variances an accumulator keeps: beta^2 Var(E), or <paramref name="scaledVariance"/> = Var(beta E)
    /// accumulated from the log weights themselves.
    /// </summary>
    /// <remarks>
    /// beta^2 Var(E) is the more accurate while the log weights resolve the energies: energy differences are exact
    /// where beta E rounds at 1e-16 of its size, so it is used when Var(E) is a normal number and |log Z| &lt;= 1e12.
    /// Otherwise Var(beta E) is: where Var(E) underflows (E ~ 1e-264 at beta = 1e259 has Var(E) ~ 1e-528 = 0 but
    /// C ~ 1e-9), and where |beta E| &gt; 1e12, at which two energies one rounding apart (a drift the weights cannot
    /// see, 1e-16 |beta E| in log weight) would give beta^2 Var(E) up to (1e-16 beta E)^2, say 1e494 at beta E = 1e263,
    /// while the distribution the weights describe has C &lt;= 746^2 / 4 (only states within 746 of the largest log
    /// weight have non-zero weight in double precision).
    /// </remarks>
    public static double HeatCapacity(double beta, double energyVariance, double scaledVariance, double logZ) =>
        double.IsNormal(energyVariance) && Math.Abs(logZ) <= ResolvedLogWeight ? SquareTimes(beta, energyVariance) : scaledVariance;

    /// <summary>Largest |log Z| at which log weights still resolve energy differences to 1e-4 in log weight.</summary>
    private const double ResolvedLogWeight = 1e12;

    /// <summary>
    /// a^2 b for b &gt;= 0: the plain product where a^2 and the product are normal numbers, otherwise
    /// (a sqrt b)^2, which survives a^2 overflowing (|a| &gt; 1.3e154) or underflowing while the product is
    /// representable. Example: C = beta^2 Var(E) at beta = 1e200, Var(E) = 1e-300 is (1e200 1e-150)^2 = 1e100,
    /// where beta^2 alone is infinite and the plain product NaN or infinite.
    /// </summary>
    public static double SquareTimes(double a, double b)
    {
        if (a == 0.0 || b == 0.0) return 0.0;
        var square = a * a;
        var product = square * b;
        if (double.IsNormal(square) && double.IsNormal(product)) return product;
        var root = Math.Abs(a) * Math.Sqrt(b);
        return root * root;
    }
}
