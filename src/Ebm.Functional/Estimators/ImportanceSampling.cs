using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Simple importance sampling: M exact draws x_i from a proposal q, log w_i = -beta E(x_i) - log q(x_i), and
/// log Z(beta) = log mean w with the delta-method standard error sd(w) / (sqrt(M) mean(w)).
/// </summary>
/// <remarks>
/// <para>E_q[w] = sum_x q(x) exp(-beta E(x)) / q(x) = Z(beta) exactly when q &gt; 0 wherever exp(-beta E) &gt; 0, so
/// the mean weight is unbiased for Z and log mean w is a stochastic lower bound on log Z (Jensen). The
/// estimator is only as good as the overlap of q with p_beta: in high dimension a few weights dominate and
/// the estimate is low with a standard error that is itself too small; the weight ESS and the largest
/// normalised weight are reported with the weights' Pareto k̂, and the <see cref="EstimateWarnings.WeightDegeneracy"/>
/// warning is raised when the weights' own tail says the sample is too small for them (<see cref="WeightSummary.IsDegenerate"/>).</para>
/// <para>Keys: the draws use the key as given (draw r is a pure function of the key and r).</para>
/// </remarks>
/// <example><code>
/// var estimate = from q in Proposal.BaseRate(data, StateConvention.Binary)
///                from e in ImportanceSampling.Estimate(RngKey.FromSeed(1), model, 1.0, q, 10_000)
///                select e;
/// Console.WriteLine(estimate.Match(
///     Succ: e =&gt; $"log Z = {e.LogZ} +/- {e.StandardError}, ESS {e.Ess}",
///     Fail: errors =&gt; string.Join("; ", errors)));
/// </code></example>
public static class ImportanceSampling
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "is";

    /// <summary>Importance sampling of a discrete model's log Z(beta); the options are validated and every problem is reported.</summary>
    /// <param name="key">The key of the draws.</param>
    /// <param name="model">The discrete model.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="proposal">A discrete proposal of the model's dimension and state convention.</param>
    /// <param name="count">The number of draws M &gt;= 1.</param>
    public static Validation<Error, LogZEstimate> Estimate(RngKey key, IDiscreteModel model, double beta, Proposal proposal, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(proposal);
        return Check(model.Dimension, model.States, beta, false, proposal, count).Bind(_ =>
        {
            var draws = proposal.Sample(key, count);
            return LogWeights(model.Energies(draws), beta, proposal.LogDensity(draws)).Match(
                w => Success<Error, LogZEstimate>(FromLogWeights(beta, w, count)), Fail<Error, LogZEstimate>);
        });
    }

    /// <summary>Importance sampling of a continuous model's log Z(beta) from a continuous (e.g. Gaussian) proposal.</summary>
    /// <param name="key">The key of the draws.</param>
    /// <param name="model">The continuous model.</param>
    /// <param name="beta">Inverse temperature, positive and finite.</param>
    /// <param name="proposal">A continuous proposal of the model's dimension.</param>
    /// <param name="count">The number of draws M &gt;= 1.</param>
    public static Validation<Error, LogZEstimate> Estimate(RngKey key, IContinuousModel model, double beta, Proposal proposal, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(proposal);
        return Check(model.Dimension, null, beta, true, proposal, count).Bind(_ =>
        {
            var draws = proposal.Sample(key, count);
            return LogWeights(model.Energies(draws), beta, proposal.LogDensity(draws)).Match(
                w => Success<Error, LogZEstimate>(FromLogWeights(beta, w, count)), Fail<Error, LogZEstimate>);
        });
    }

    /// <summary>
    /// Importance sampling of a Bernoulli RBM's log Z(beta) over its visible units alone, the hidden units summed out
    /// exactly: draws v ~ q over {0,1}^nv and log w = -F_beta(v) - log q(v), where
    /// F_beta(v) = -log sum_h exp(-beta E(v, h)) = -beta b.v - sum_j softplus(beta (c_j + (v W)_j)) is the visible free
    /// energy at beta (one matrix product per batch). E_q[w] = sum_v exp(-F_beta(v)) = Z(beta).
    /// </summary>
    /// <remarks>
    /// Summing the hidden units out (Rao-Blackwellisation) never increases the weights' variance against drawing them
    /// from a proposal as well: for the base-rate proposal sigma(bA) of Salakhutdinov and Murray (2008), which fits the
    /// visible units only, drawing the hidden units from fair coins instead multiplies each weight by a factor whose
    /// spread grows with the hidden layer.
    /// </remarks>
    /// <param name="key">The key of the draws.</param>
    /// <param name="model">The RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="proposal">A binary proposal over the nv visible units (e.g. <see cref="Proposal.BernoulliLogits"/> of a base rate).</param>
    /// <param name="count">The number of draws M &gt;= 1.</param>
    public static Validation<Error, LogZEstimate> EstimateVisible(RngKey key, BernoulliRbm model, double beta, Proposal proposal, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(proposal);
        return Check(model.Visible, StateConvention.Binary, beta, false, proposal, count).Bind(_ =>
        {
            var weights = Mat.Create(model.Visible, model.Hidden, w =>
            {
                for (var i = 0; i < w.Length; i++) w[i] = beta * model.Weights.Span[i];
            });
            // A valid RBM scaled by a valid beta is valid; the model's own checks still have the last word.
            return BernoulliRbm.Create(weights, model.VisibleBias.Map(b => beta * b), model.HiddenBias.Map(c => beta * c)).Bind(tempered =>
            {
                var draws = proposal.Sample(key, count);
                return LogWeights(tempered.FreeEnergies(draws), 1.0, proposal.LogDensity(draws)).Match(
                w => Success<Error, LogZEstimate>(FromLogWeights(beta, w, count)), Fail<Error, LogZEstimate>);
            });
        });
    }

    /// <summary>The weight function: log w_i = -beta E_i - log q_i (the same function the estimators use).</summary>
    /// <param name="energies">E_i, one per draw.</param>
    /// <param name="beta">The inverse temperature.</param>
    /// <param name="logProposal">log q_i, one per draw.</param>
    /// <returns>The log weights, or <see cref="SamplingEstimateErrors.LengthMismatch"/> when the two vectors differ in length.</returns>
    public static Fin<Vec> LogWeights(Vec energies, double beta, Vec logProposal)
    {
        ArgumentNullException.ThrowIfNull(energies);
        ArgumentNullException.ThrowIfNull(logProposal);
        return energies.Length == logProposal.Length
            ? FinSucc(UncheckedLogWeights(energies, beta, logProposal))
            : FinFail<Vec>(SamplingEstimateErrors.LengthMismatch("the energies", energies.Length, "the proposal log densities", logProposal.Length));
    }

    private static Vec UncheckedLogWeights(Vec energies, double beta, Vec logProposal) =>
        Vec.Create(energies.Length, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = -beta * energies[i] - logProposal[i];
        });

    /// <summary>The checks shared by the estimators that draw from a proposal for a model (importance and bridge sampling).</summary>
    internal static Validation<Error, Unit> Check(int dimension, StateConvention? states, double beta, bool continuous, Proposal proposal, int count)
    {
        var errors = Seq<Error>();
        if (count < 1) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("the number of draws", count.ToString(), "it must be at least 1"));
        if (continuous ? !(beta > 0) || !double.IsFinite(beta) : !(beta >= 0) || !double.IsFinite(beta))
            errors = errors.Add(SamplingEstimateErrors.InvalidArgument("beta", beta.ToString("R"), continuous ? "it must be positive and finite" : "it must be finite and >= 0"));
        if (proposal.Dimension != dimension) errors = errors.Add(SamplingEstimateErrors.DimensionMismatch("the proposal", proposal.Dimension, dimension));
        if (proposal.States != states)
            errors = errors.Add(SamplingEstimateErrors.ConventionMismatch(proposal.Support, states switch
            {
                StateConvention.Binary => "binary",
                StateConvention.Spin => "spin",
                _ => "continuous",
            }));
        return errors.IsEmpty ? Success<Error, Unit>(unit) : Fail<Error, Unit>(errors);
    }

    private static LogZEstimate FromLogWeights(double beta, Vec logWeights, int count) =>
        Estimates.FromLogWeights(Method, beta, 0.0, logWeights, count);
}
