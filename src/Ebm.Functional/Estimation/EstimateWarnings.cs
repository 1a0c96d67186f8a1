namespace Ebm.Functional.Estimation;

/// <summary>The warning codes estimators attach to a <see cref="LogZEstimate"/>, and their constructors.</summary>
public static class EstimateWarnings
{
    /// <summary>A few weights dominate: the ESS is small or one normalised weight is large.</summary>
    public const string WeightDegeneracy = "weight-degeneracy";

    /// <summary>Some log weights were NaN or +infinity and were left out (treated as weight zero).</summary>
    public const string NonFiniteWeights = "non-finite-weights";

    /// <summary>Too few samples for a standard error.</summary>
    public const string FewSamples = "few-samples";

    /// <summary>The iterative bridge did not converge within its iteration budget.</summary>
    public const string BridgeNotConverged = "bridge-not-converged";

    /// <summary>Forward and reverse estimates disagree by more than their stated errors.</summary>
    public const string BoundGap = "bound-gap";

    /// <summary>Reverse AIS started from approximate (MCMC) rather than exact target samples: the bound is not guaranteed.</summary>
    public const string ApproximateTargetSamples = "approximate-target-samples";

    /// <summary>Repetitions disagree beyond what the per-run errors explain.</summary>
    public const string InconsistentRepetitions = "inconsistent-repetitions";

    /// <summary>The quadrature's discretisation error (|Simpson - trapezoid|, or the change when every other point is dropped) is not small against the standard error.</summary>
    public const string DiscretisationError = "discretisation-error";

    /// <summary>Chains at some point of a thermodynamic-integration ladder rarely accepted a move or disagree with each other.</summary>
    public const string PoorMixing = "poor-mixing";

    /// <summary>An adaptive schedule reached its step limit and jumped to the end of the path.</summary>
    public const string StepLimit = "step-limit";

    /// <summary>The weight ESS below which <see cref="WeightDegeneracy"/> is raised, as a fraction of the sample count.</summary>
    public const double DegenerateEssFraction = 0.1;

    /// <summary>The normalised weight above which <see cref="WeightDegeneracy"/> is raised.</summary>
    public const double DegenerateMaxWeight = 0.5;

    /// <summary>A warning with the given code and message.</summary>
    public static EstimateWarning Of(string code, string message) => new(code, message);
}
