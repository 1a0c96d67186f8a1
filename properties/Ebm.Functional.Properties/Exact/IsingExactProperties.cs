using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// The exact Ising methods obey U = -d log Z / d beta, Var(E) = d^2 log Z / d beta^2 and, for the transfer
/// matrix, beta &lt;M&gt; = d log Z / dh and beta^2 Var(M) = d^2 log Z / dh^2, against central differences of
/// their own log Z.
/// </summary>
/// <remarks>
/// Differences are fourth-order five-point stencils with steps 1e-3 (first derivative) and 1e-2 (second).
/// The tolerance is 10 times the sum of the stencil's rounding error, 2 eps |log Z| / step^k, and its
/// truncation error estimated by Richardson's rule from the same stencil at twice the step,
/// |D(2 step) - D(step)| / 15; a wrong derivative is off by far more.
/// </remarks>
public sealed class IsingExactProperties
{
    private static double First(Func<double, double> f, double x, double h) => (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);

    private static double Second(Func<double, double> f, double x, double h) =>
        (-f(x - 2 * h) + 16 * f(x - h) - 30 * f(x) + 16 * f(x + h) - f(x + 2 * h)) / (12 * h * h);

    private static void AssertDerivative(double analytic, Func<double, double> logZ, double x, int order, string what)
    {
        var step = order == 1 ? 1e-3 : 1e-2;
        Func<Func<double, double>, double, double, double> stencil = order == 1 ? First : Second;
        var estimate = stencil(logZ, x, step);
        var truncation = Math.Abs(stencil(logZ, x, 2 * step) - estimate) / 15.0;
        var stencilWeight = order == 1 ? 18.0 / 12.0 : 64.0 / 12.0;
        var rounding = 2 * double.Epsilon + 2 * 2.2e-16 * Math.Abs(logZ(x)) * stencilWeight / Math.Pow(step, order);
        var tolerance = 10 * (truncation + rounding);
        Assert.True(Math.Abs(analytic - estimate) <= tolerance, $"{what}: analytic {analytic:R}, finite difference {estimate:R}, tolerance {tolerance:E2}");
    }

    private static double Beta(int seed) => 0.05 + Math.Abs(seed % 1000) / 700.0;

    [Property(MaxTest = 40)]
    public void Kaufman_energy_and_variance_are_beta_derivatives(int rows, int columns, int coupling, int betaSeed)
    {
        var model = IsingModel.Create(1 + Math.Abs(rows % 6), 1 + Math.Abs(columns % 6), (coupling % 1500) / 1000.0, 0.0, Boundary.Periodic)
            .Match(m => m, e => throw new InvalidOperationException());
        if (!Kaufman.Applies(model)) return;
        var beta = Beta(betaSeed);
        double LogZ(double b) => Kaufman.Compute(model, b).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        var result = Kaufman.Compute(model, beta).Match(r => r, e => throw new InvalidOperationException(e.Message));
        AssertDerivative(-result.MeanEnergy, LogZ, beta, 1, "-U");
        AssertDerivative(result.EnergyVariance, LogZ, beta, 2, "Var E");
    }

    [Property(MaxTest = 40)]
    public void Transfer_matrix_moments_are_beta_and_field_derivatives(int rows, int columns, bool periodic, int coupling, int field, int betaSeed)
    {
        IsingModel Model(double h) => IsingModel.Create(1 + Math.Abs(rows % 4), 1 + Math.Abs(columns % 4), (coupling % 1500) / 1000.0, h,
            periodic ? Boundary.Periodic : Boundary.Open).Match(m => m, e => throw new InvalidOperationException());
        var h0 = (field % 1000) / 1000.0;
        var beta = Beta(betaSeed);
        double LogZ(double b, double h) => IsingTransferMatrix.Compute(Model(h), b).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        var result = IsingTransferMatrix.Compute(Model(h0), beta).Match(r => r, e => throw new InvalidOperationException(e.Message));
        var moments = result.Magnetisation.Match(m => m, () => throw new InvalidOperationException("moments expected"));
        AssertDerivative(-result.MeanEnergy, b => LogZ(b, h0), beta, 1, "-U");
        AssertDerivative(result.EnergyVariance, b => LogZ(b, h0), beta, 2, "Var E");
        AssertDerivative(beta * moments.Mean, h => LogZ(beta, h), h0, 1, "beta <M>");
        AssertDerivative(beta * beta * moments.Variance, h => LogZ(beta, h), h0, 2, "beta^2 Var M");
    }
}
