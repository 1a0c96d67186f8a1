using Ebm.Functional.Annealing;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// How hard an evaluation (<see cref="Evaluation"/>) works: when log Z is exact, how long AIS anneals otherwise, how
/// many examples the per-example metrics read, and how long the persistent chains run for R-hat.
/// </summary>
/// <remarks>
/// Costs, for an RBM of nv x nh: the exact log Z enumerates 2^min(nv, nh) states of the smaller layer (2^20 x 784
/// multiply-adds is about a second); AIS makes 2 x <see cref="AisParticles"/> x <see cref="AisSteps"/> x nv x nh
/// multiply-adds (100 x 1000 on 784 x 500: 78 G); the pseudo-log-likelihood reads at most
/// <see cref="MaxPseudoLikelihoodExamples"/> examples of each data set at nv x nh per site, nv^2 nh per example (on
/// 784 x 500, 100 examples are about 31 G). The pseudo-log-likelihood's examples are the same at every evaluation, so its
/// curve compares like with like; the log-likelihoods and reconstruction errors read every example (one matrix product).
/// </remarks>
/// <param name="ExactMaxUnits">
/// log Z is exact when the layer (or, for a model without hidden units, the model) to enumerate has at most this many
/// units; AIS otherwise. 0 forces AIS.
/// </param>
/// <param name="AisParticles">AIS particles, at least 2 (the standard error needs two).</param>
/// <param name="AisSteps">Steps of AIS's linear schedule, at least 1.</param>
/// <param name="BaseRateSmoothing">The pseudo-count of the base-rate model fitted to the training data (<see cref="BaseRate"/>).</param>
/// <param name="SandwichMaxUnits">
/// Where log Z is estimated and the units whose states exact draws enumerate (the hidden layer of a Bernoulli RBM, every
/// unit of a model without hidden units) are at most this many, exact draws of the model start a reverse AIS run and the
/// sandwich bounds are reported; 0 turns the sandwich off. The default 24 is the largest hidden layer
/// <c>RbmExactDraws</c> enumerates: with exact log Z up to 20 units, an RBM with 21 to 24 hidden units and more visible
/// ones gets AIS and the sandwich (the draws cost 2^nh nv multiply-adds, 13 G for 784 x 24); a model without hidden
/// units is enumerated for its draws only up to 20 units, where its log Z is exact by default.
/// </param>
/// <param name="MaxPseudoLikelihoodExamples">The pseudo-log-likelihood reads at most this many examples, evenly spaced through the data.</param>
/// <param name="ChainSteps">Steps run from copies of the persistent chains for R-hat, at least 4 (split R-hat needs two halves of two).</param>
public sealed record EvaluationSettings(
    int ExactMaxUnits = 20,
    int AisParticles = 100,
    int AisSteps = 1000,
    double BaseRateSmoothing = BaseRate.DefaultSmoothing,
    int SandwichMaxUnits = 24,
    int MaxPseudoLikelihoodExamples = 100,
    int ChainSteps = 20)
{
    /// <summary>The defaults: exact up to 20 units, 100 particles and 1000 steps of AIS, the sandwich up to 24 hidden units, 100 examples for the pseudo-log-likelihood, R-hat over 20 steps.</summary>
    public static EvaluationSettings Default { get; } = new();

    /// <summary>The settings, or an error naming the first one out of range.</summary>
    public Fin<EvaluationSettings> Validate() =>
        ExactMaxUnits < 0 ? Invalid("exact-max-units", $"is {ExactMaxUnits}; it must be at least 0")
        : AisParticles < 2 ? Invalid("ais-particles", $"is {AisParticles}; the standard error needs at least 2")
        : AisSteps < 1 ? Invalid("ais-steps", $"is {AisSteps}; it must be at least 1")
        : !(BaseRateSmoothing > 0) || !double.IsFinite(BaseRateSmoothing) ? Invalid("base-rate-smoothing", $"is {BaseRateSmoothing}; it must be positive and finite")
        : SandwichMaxUnits < 0 ? Invalid("sandwich-max-units", $"is {SandwichMaxUnits}; it must be at least 0")
        : MaxPseudoLikelihoodExamples < 1 ? Invalid("max-pseudo-likelihood-examples", $"is {MaxPseudoLikelihoodExamples}; it must be at least 1")
        : ChainSteps < 4 ? Invalid("chain-steps", $"is {ChainSteps}; split R-hat needs at least 4")
        : FinSucc(this);

    /// <summary>
    /// The work of one <see cref="Evaluation.ForBernoulliRbm"/> (or Gaussian-Bernoulli) evaluation, in passes over the
    /// weights (each about nv nh multiply-adds): log Z (2^min(nv, nh) exact, else 2 per particle and AIS step, twice
    /// with the sandwich, plus 2^nh for its exact draws), 3 per example (free energy and reconstruction), nv per
    /// pseudo-likelihood example, 3 per chain and R-hat step (a block-Gibbs step and a free energy).
    /// </summary>
    /// <param name="visible">nv.</param>
    /// <param name="hidden">nh.</param>
    /// <param name="trainRows">Training examples.</param>
    /// <param name="testRows">Test examples (0 without a test set).</param>
    /// <param name="chainRows">Rows of the chains' last matrix (0 without persistent chains).</param>
    /// <param name="gaussianVisible">True for a Gaussian-Bernoulli RBM, which has neither the sandwich nor a pseudo-log-likelihood.</param>
    public double RbmWeightPasses(int visible, int hidden, int trainRows, int testRows, int chainRows, bool gaussianVisible = false)
    {
        var enumerated = Math.Min(visible, hidden);
        var ais = 2.0 * AisParticles * AisSteps;
        var logZ = enumerated <= ExactMaxUnits ? Math.Pow(2, enumerated)
            : !gaussianVisible && hidden <= Math.Min(SandwichMaxUnits, Exact.RbmExactDraws.MaxHidden) ? 2 * ais + Math.Pow(2, hidden)
            : ais;
        var pll = !gaussianVisible ? (double)visible * (Math.Min(trainRows, MaxPseudoLikelihoodExamples) + Math.Min(testRows, MaxPseudoLikelihoodExamples)) : 0;
        return logZ + 3.0 * (trainRows + testRows) + pll + 3.0 * chainRows * ChainSteps;
    }

    /// <summary>
    /// The work of one <see cref="Evaluation.ForBoltzmannMachine"/> evaluation, in passes over the n^2 couplings: log Z
    /// (2^n exact, else one heat-bath sweep per particle and AIS step, twice with the sandwich, plus 2^n for its exact
    /// draws), 1 per example (its energy) and 1 more per pseudo-likelihood example (its local fields), 1 per chain and
    /// R-hat sweep.
    /// </summary>
    /// <param name="units">n.</param>
    /// <param name="trainRows">Training examples.</param>
    /// <param name="testRows">Test examples (0 without a test set).</param>
    /// <param name="chainRows">Rows of the chains' last matrix (0 without persistent chains).</param>
    public double BoltzmannWeightPasses(int units, int trainRows, int testRows, int chainRows)
    {
        var ais = (double)AisParticles * AisSteps;
        var logZ = units <= ExactMaxUnits ? Math.Pow(2, units)
            : units <= Math.Min(SandwichMaxUnits, Exact.Enumeration.MaxTableUnits) ? 2 * ais + Math.Pow(2, units)
            : ais;
        return logZ + (double)trainRows + testRows + Math.Min(trainRows, MaxPseudoLikelihoodExamples) + Math.Min(testRows, MaxPseudoLikelihoodExamples)
            + (double)chainRows * ChainSteps;
    }

    private static Fin<EvaluationSettings> Invalid(string name, string problem) =>
        FinFail<EvaluationSettings>(TrainingErrors.InvalidSetting($"evaluation {name}", problem));
}
