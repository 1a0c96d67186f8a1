namespace Ebm.Functional.Exact;

/// <summary>
/// The thermodynamics from <see cref="Quadrature2D"/> with the error estimates of each quantity.
/// </summary>
/// <remarks>
/// Each error is the absolute difference between the reported value (finest grid) and the value on
/// the grid with twice the step. That difference is essentially the coarser grid's error; the
/// trapezoid rule's error on these smooth, rapidly decaying integrands falls like exp(-c / h^2) as
/// the step h shrinks (Trefethen and Weideman, 2014), so the reported value is far more accurate
/// than the estimate, which is therefore conservative.
/// </remarks>
/// <param name="Exact">log Z, U and Var(E) (method "quadrature").</param>
/// <param name="LogZError">Estimated absolute error of log Z (the relative error of Z).</param>
/// <param name="MeanEnergyError">Estimated absolute error of U.</param>
/// <param name="EnergyVarianceError">Estimated absolute error of Var(E).</param>
/// <param name="XIntervals">Intervals along x of the finest grid.</param>
/// <param name="YIntervals">Intervals along y of the finest grid.</param>
public sealed record QuadratureResult(
    ExactResult Exact,
    double LogZError,
    double MeanEnergyError,
    double EnergyVarianceError,
    int XIntervals,
    int YIntervals)
{
    /// <summary>
    /// Estimated absolute error of C = beta^2 Var(E) (the change between the two grids); by default beta^2 times
    /// <see cref="EnergyVarianceError"/>, which underflows where Var(E) does (beta = 1e250), so the quadrature sets it.
    /// </summary>
    public double HeatCapacityError { get; init; } = ExactThermodynamics.SquareTimes(Exact.Beta, EnergyVarianceError);

    /// <summary>
    /// The largest scaled error: max(LogZError, MeanEnergyError / (|U| + sd(E)), HeatCapacityError / C),
    /// i.e. the relative error of Z, of U on the scale of the energy, and of Var(E) (the relative error of C).
    /// Each ratio is taken in units of kT = 1 / beta, where no term under- or overflows, and a zero error counts as 0.
    /// </summary>
    public double EstimatedError => ScaledError(Exact, LogZError, MeanEnergyError, HeatCapacityError);

    /// <summary>The scaled error of <see cref="EstimatedError"/> for any set of absolute errors.</summary>
    internal static double ScaledError(ExactResult exact, double logZError, double meanEnergyError, double heatCapacityError)
    {
        var beta = exact.Beta;
        var energyScale = Math.Abs(beta * exact.MeanEnergy) + Math.Sqrt(exact.HeatCapacity);
        return Math.Max(logZError, Math.Max(Ratio(beta * meanEnergyError, energyScale), Ratio(heatCapacityError, exact.HeatCapacity)));
    }

    /// <summary>error / scale, 0 for a zero error (so 0 / 0 is no error rather than NaN).</summary>
    private static double Ratio(double error, double scale) => error == 0.0 ? 0.0 : error / scale;
}
