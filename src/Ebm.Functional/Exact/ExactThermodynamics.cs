namespace Ebm.Functional.Exact;

/// <summary>
/// The derived thermodynamic quantities formed so that no intermediate over- or underflows where the
/// result is representable.
/// </summary>
internal static class ExactThermodynamics
{
    /// <summary>S = beta U + log Z (beta U is taken as 0 at beta = 0, where U is finite).</summary>
    public static double Entropy(double beta, double meanEnergy, double logZ) => (beta == 0.0 ? 0.0 : beta * meanEnergy) + logZ;

    /// <summary>C = beta^2 Var(E), through <see cref="SquareTimes"/>.</summary>
    public static double HeatCapacity(double beta, double energyVariance) => SquareTimes(beta, energyVariance);

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
