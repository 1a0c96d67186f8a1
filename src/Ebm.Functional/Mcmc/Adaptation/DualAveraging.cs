namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>
/// Step-size adaptation by Nesterov's dual averaging (Hoffman and Gelman 2014, section 3.2, Algorithm 5; Stan
/// Reference Manual, "HMC algorithm parameters"): pure <see cref="Init"/> and <see cref="Update"/> functions that steer
/// a sampler's mean acceptance statistic to a target delta.
/// </summary>
/// <remarks>
/// <para>After the m-th transition, with acceptance statistic alpha_m (capped at 1):
/// H-bar_m = (1 - 1/(m + t0)) H-bar_{m-1} + (delta - alpha_m) / (m + t0);
/// log h_m = mu - sqrt(m) H-bar_m / gamma;
/// log h-bar_m = m^-kappa log h_m + (1 - m^-kappa) log h-bar_{m-1},
/// with H-bar_0 = 0, log h-bar_0 = 0 and mu = log(10 h0). The iterates h_m explore (too high an acceptance raises
/// log h), the average h-bar_m converges to a step size whose expected acceptance is delta; warm-up samples with h_m
/// and keeps h-bar at its end.</para>
/// <para>Worked numbers: h0 = 0.1, delta = 0.8, alpha_1 = 0.3 give H-bar_1 = 0.5 / 11 = 0.04545, log h_1 =
/// log 1 - 0.04545 / 0.05 = -0.9091, h_1 = 0.403 and h-bar_1 = h_1.</para>
/// </remarks>
public static class DualAveraging
{
    /// <summary>|log h| is kept below this, so that h = exp(log h) is a positive finite double (e^-700 = 1e-304).</summary>
    public const double MaxLogStepSize = 700;

    /// <summary>The state before any transition, for the initial step size <paramref name="stepSize"/>.</summary>
    /// <param name="stepSize">h0, positive and finite.</param>
    public static DualAveragingState Init(double stepSize)
    {
        if (!(stepSize > 0) || !double.IsFinite(stepSize))
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "the step size must be positive and finite");
        return new DualAveragingState(0, Math.Log(stepSize), 0.0, 0.0, Math.Log(10 * stepSize));
    }

    /// <summary>The state after a transition whose acceptance statistic was <paramref name="acceptance"/>.</summary>
    /// <param name="settings">delta, gamma, t0, kappa.</param>
    /// <param name="state">The state before.</param>
    /// <param name="acceptance">alpha in [0, 1]; values above 1 count as 1 and NaN (a broken trajectory) as 0.</param>
    public static DualAveragingState Update(DualAveragingSettings settings, DualAveragingState state, double acceptance)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(state);
        settings.Check();
        var alpha = double.IsNaN(acceptance) ? 0.0 : Math.Clamp(acceptance, 0.0, 1.0);
        var m = state.Iteration + 1;
        var eta = 1.0 / (m + settings.T0);
        var gap = (1 - eta) * state.AverageGap + eta * (settings.TargetAcceptance - alpha);
        // A target that never accepts (or always does) would drive h to 0 or infinity within a few thousand updates;
        // clamping log h to [-700, 700] keeps it a positive finite double, far beyond any useful step size.
        var logStep = Math.Clamp(state.Mu - Math.Sqrt(m) * gap / settings.Gamma, -MaxLogStepSize, MaxLogStepSize);
        var weight = Math.Pow(m, -settings.Kappa);
        var logAverage = weight * logStep + (1 - weight) * state.LogAverageStepSize;
        return new DualAveragingState(m, logStep, logAverage, gap, state.Mu);
    }
}
