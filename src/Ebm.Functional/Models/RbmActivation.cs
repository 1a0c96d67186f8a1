namespace Ebm.Functional.Models;

/// <summary>
/// The scalar activations of both RBM kinds, written so that no exponential can overflow.
/// </summary>
/// <remarks>
/// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|); sigmoid(x) = 1 / (1 + e^-x), evaluated through
/// e^-|x| so the exponent is never positive. Example: softplus(-800) = 0 (to double precision) and
/// softplus(800) = 800, where log(1 + exp(800)) would overflow.
/// </remarks>
internal static class RbmActivation
{
    public static double Softplus(double x) => Math.Max(x, 0.0) + LogOnePlus(Math.Exp(-Math.Abs(x)));

    public static double Sigmoid(double x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /// <summary>
    /// log(1 + x) accurate for small x: log(u) x / (u - 1) with u = 1 + x cancels the rounding of u
    /// (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", thm. 4).
    /// </summary>
    public static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
