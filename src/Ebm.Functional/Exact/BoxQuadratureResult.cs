namespace Ebm.Functional.Exact;

/// <summary>log Z of a 2-D energy over a box (<see cref="BoxQuadrature"/>) and how far it can be trusted.</summary>
/// <param name="LogZ">log of the integral of exp(-beta E) over the box.</param>
/// <param name="EstimatedError">|R(2,2) - R(1,1)| of the Romberg table, in log Z units: the size of the last correction.</param>
/// <param name="Box">The box integrated over.</param>
/// <param name="Intervals">Intervals per axis of the finest grid.</param>
/// <param name="Beta">The inverse temperature.</param>
public sealed record BoxQuadratureResult(double LogZ, double EstimatedError, QuadratureRegion Box, int Intervals, double Beta)
{
    /// <summary>log Z with U = &lt;E&gt; and Var(E) on the box (each by the same Romberg extrapolation), method "quadrature".</summary>
    public ExactResult Exact { get; init; } = new(Quadrature2D.MethodName, Beta, LogZ, double.NaN, double.NaN, LanguageExt.Option<MagnetisationMoments>.None);
}
