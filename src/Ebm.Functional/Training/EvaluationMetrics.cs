namespace Ebm.Functional.Training;

/// <summary>
/// The names of the metrics an evaluation reports (<see cref="Evaluation"/>): stable, lower-case and hyphenated, each
/// the heading of one column of <c>metrics.csv</c>. A name is added, never renamed or removed.
/// </summary>
/// <remarks>
/// Log-likelihoods are averages over the examples, in nats: (1/N) sum_n log p(x_n) = -(1/N) sum_n F(x_n) - log Z, with
/// F the free energy (the energy for a model without hidden units). Their standard error is that of log Z (the data term
/// is exact), 0 when log Z is exact. A metric that does not apply to a run (a test set that was not given, R-hat without
/// persistent chains, the sandwich where no exact draws exist) is absent, never NaN.
/// </remarks>
public static class EvaluationMetrics
{
    /// <summary>log Z of the model, exact or by AIS on the base-rate (RBM) or tempered (visible-unit models) path.</summary>
    public const string LogPartition = "log-z";

    /// <summary>The standard error of <see cref="LogPartition"/>: 0 when it is exact.</summary>
    public const string LogPartitionStandardError = "log-z-se";

    /// <summary>The AIS sandwich's stochastic lower bound on log Z (forward AIS; Grosse, Ghahramani and Adams 2015).</summary>
    public const string LogPartitionLower = "log-z-lower";

    /// <summary>The AIS sandwich's stochastic upper bound on log Z (reverse AIS from exact draws of the model).</summary>
    public const string LogPartitionUpper = "log-z-upper";

    /// <summary>The standard error of <see cref="LogPartitionUpper"/> (that of the lower bound is <see cref="LogPartitionStandardError"/>).</summary>
    public const string LogPartitionUpperStandardError = "log-z-upper-se";

    /// <summary>The average log-likelihood of the training data.</summary>
    public const string TrainLogLikelihood = "train-ll";

    /// <summary>The standard error of <see cref="TrainLogLikelihood"/>.</summary>
    public const string TrainLogLikelihoodStandardError = "train-ll-se";

    /// <summary>The average log-likelihood of the test data.</summary>
    public const string TestLogLikelihood = "test-ll";

    /// <summary>The standard error of <see cref="TestLogLikelihood"/>.</summary>
    public const string TestLogLikelihoodStandardError = "test-ll-se";

    /// <summary>The average pseudo-log-likelihood of the training data, sum_i log p(x_i | x_-i) (Besag 1975).</summary>
    public const string TrainPseudoLogLikelihood = "train-pll";

    /// <summary>The average pseudo-log-likelihood of the test data.</summary>
    public const string TestPseudoLogLikelihood = "test-pll";

    /// <summary>The mean-field reconstruction error of the training data (RBMs): mean over examples and units of (v - v')^2.</summary>
    public const string TrainReconstructionError = "train-reconstruction-error";

    /// <summary>The mean-field reconstruction error of the test data (RBMs).</summary>
    public const string TestReconstructionError = "test-reconstruction-error";

    /// <summary>The rank-normalised split R-hat of the persistent chains' free energies over a short run from copies of them.</summary>
    public const string ChainRHat = "chain-rhat";

    /// <summary>The error estimate of a log Z by quadrature on a box (<see cref="Exact.BoxQuadrature"/>): the last Romberg correction.</summary>
    public const string LogPartitionQuadratureError = "log-z-quadrature-error";

    /// <summary>The mean energy of the training data (continuous models; reported in any dimension, with or without log Z).</summary>
    public const string TrainMeanEnergy = "train-energy";

    /// <summary>The mean energy of the test data.</summary>
    public const string TestMeanEnergy = "test-energy";

    /// <summary>The fraction of training examples whose most probable class is their label (classifiers).</summary>
    public const string TrainAccuracy = "train-accuracy";

    /// <summary>The fraction of test examples whose most probable class is their label.</summary>
    public const string TestAccuracy = "test-accuracy";

    /// <summary>The expected calibration error of the test data (Guo et al. 2017), 15 equal-width confidence bins.</summary>
    public const string TestCalibrationError = "test-ece";
}
