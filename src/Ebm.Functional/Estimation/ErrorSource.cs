namespace Ebm.Functional.Estimation;

/// <summary>How a <see cref="LogZEstimate.StandardError"/> was obtained.</summary>
public enum ErrorSource
{
    /// <summary>Delta method on the log-mean-exp of independent weights: sd(w) / (sqrt(M) mean(w)).</summary>
    DeltaMethod,

    /// <summary>Spread of independent repetitions of the whole estimator: sd / sqrt(R).</summary>
    Repetitions,

    /// <summary>Propagated from per-point Monte Carlo standard errors (thermodynamic integration).</summary>
    MonteCarloStandardError,

    /// <summary>The square root of the bridge estimator's relative mean-squared error (Frühwirth-Schnatter 2004).</summary>
    BridgeRelativeMeanSquaredError,

    /// <summary>Combined from the parts' errors (the sandwich of forward and reverse bounds).</summary>
    Combined,

    /// <summary>The value is exact; the error is zero.</summary>
    Exact,
}
