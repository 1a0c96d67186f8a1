using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// A normalised distribution q with exact, independent draws and an exact log density: the proposal of
/// importance sampling and the second distribution of bridge sampling.
/// </summary>
/// <remarks>
/// Every constructor gives q(x) &gt; 0 on the whole support of the models it fits (all 2^n states, or all of
/// R^d), so E_q[exp(-beta E(x)) / q(x)] = Z(beta) exactly. Draws are a pure function of the key.
/// </remarks>
/// <param name="Name">A short description for reports.</param>
/// <param name="Dimension">The number of variables of one state.</param>
/// <param name="States">The unit values for a discrete proposal; <c>null</c> for a proposal over R^d.</param>
/// <param name="Sample">count exact, independent draws (count x Dimension).</param>
/// <param name="LogDensity">log q of every row, q normalised.</param>
public sealed record Proposal(string Name, int Dimension, StateConvention? States, Func<RngKey, int, Mat> Sample, Func<Mat, Vec> LogDensity)
{
    /// <summary>A description of the support, for messages: "binary", "spin" or "continuous".</summary>
    public string Support => States switch
    {
        StateConvention.Binary => "binary",
        StateConvention.Spin => "spin",
        _ => "continuous",
    };

    /// <summary>The uniform distribution over {0,1}^n or {-1,+1}^n: log q = -n log 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> &lt; 1.</exception>
    public static Proposal Uniform(int units, StateConvention states)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        var logQ = -units * Math.Log(2.0);
        return new Proposal($"uniform {states}", units, states,
            (key, count) => ExactDraws.Uniform(key, count, units, states),
            x => Vec.Filled(x.Rows, logQ));
    }

    /// <summary>
    /// Independent units with P(unit i high) = p_i, 0 &lt; p_i &lt; 1 (the factorised, or base-rate, proposal).
    /// Every problem is reported.
    /// </summary>
    public static Validation<Error, Proposal> Bernoulli(Vec probabilities, StateConvention states)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var errors = Seq<Error>();
        if (probabilities.Length < 1) errors = errors.Add(SamplingEstimateErrors.InvalidProposal("probabilities", "must have at least one entry"));
        for (var i = 0; i < probabilities.Length && errors.Count < 10; i++)
            if (!(probabilities[i] > 0 && probabilities[i] < 1))
                errors = errors.Add(SamplingEstimateErrors.InvalidProposal($"probability {i}", $"is {probabilities[i]}; it must lie strictly between 0 and 1 so every state has positive probability"));
        if (!errors.IsEmpty) return Fail<Error, Proposal>(errors);
        return Success<Error, Proposal>(FromLogitsUnchecked(probabilities.Map(p => Math.Log(p) - Math.Log(1 - p)), states));
    }

    /// <summary>Independent units with P(unit i high) = sigmoid(l_i); every logit must be finite.</summary>
    public static Validation<Error, Proposal> BernoulliLogits(Vec logits, StateConvention states)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var errors = Seq<Error>();
        if (logits.Length < 1) errors = errors.Add(SamplingEstimateErrors.InvalidProposal("logits", "must have at least one entry"));
        for (var i = 0; i < logits.Length && errors.Count < 10; i++)
            if (!double.IsFinite(logits[i]))
                errors = errors.Add(SamplingEstimateErrors.InvalidProposal($"logit {i}", $"is {logits[i]}, not a finite number"));
        return errors.IsEmpty ? Success<Error, Proposal>(FromLogitsUnchecked(logits, states)) : Fail<Error, Proposal>(errors);
    }

    /// <summary>
    /// The base-rate proposal (Salakhutdinov and Murray 2008): independent units with the smoothed frequencies of the
    /// data, p_i = (count of unit i high + a) / (rows + 2a), so no p_i is 0 or 1 (a = <paramref name="pseudoCount"/> &gt; 0).
    /// The definition is <see cref="Annealing.BaseRate.Logit"/>, the one an annealing base uses; only the default smoothing
    /// differs (1 here, for heavier tails: see <see cref="Annealing.BaseRate"/>).
    /// </summary>
    /// <param name="data">Rows of states, every entry the convention's low or high value.</param>
    /// <param name="states">The state convention: binary {0, 1} or spin {-1, +1}.</param>
    /// <param name="pseudoCount">The smoothing a, positive and finite.</param>
    public static Validation<Error, Proposal> BaseRate(Mat data, StateConvention states, double pseudoCount = 1.0)
    {
        ArgumentNullException.ThrowIfNull(data);
        var errors = Seq<Error>();
        if (data.Rows < 1 || data.Columns < 1) errors = errors.Add(SamplingEstimateErrors.InvalidProposal("data", $"is {data.Rows} x {data.Columns}; it needs at least one row and one column"));
        if (!(pseudoCount > 0) || !double.IsFinite(pseudoCount))
            errors = errors.Add(SamplingEstimateErrors.InvalidProposal("pseudo-count", $"is {pseudoCount}; it must be positive and finite"));
        const double high = 1.0;
        var low = states == StateConvention.Spin ? -1.0 : 0.0;
        for (var k = 0; k < data.Span.Length && errors.Count < 10; k++)
            if (data.Span[k] != high && data.Span[k] != low)
                errors = errors.Add(SamplingEstimateErrors.InvalidProposal("data", $"entry {k} is {data.Span[k]}, not {low} or {high}"));
        if (!errors.IsEmpty) return Fail<Error, Proposal>(errors);
        var logits = Vec.Create(data.Columns, d =>
        {
            for (var i = 0; i < d.Length; i++)
            {
                var highs = 0.0;
                for (var r = 0; r < data.Rows; r++) highs += data[r, i] == high ? 1 : 0;
                d[i] = Annealing.BaseRate.Logit(highs, data.Rows, pseudoCount);
            }
        });
        return Success<Error, Proposal>(FromLogitsUnchecked(logits, states) with { Name = $"base-rate {states}" });
    }

    /// <summary>The Gaussian with the model's mean and precision at inverse temperature 1: log q = -E_q(x) - log Z_q.</summary>
    public static Proposal Gaussian(GaussianModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var logZ = GaussianExact.Compute(model, 1.0).LogZ;
        return new Proposal($"gaussian d={model.Dimension}", model.Dimension, null,
            (key, count) => ExactDraws.Gaussian(key, count, model),
            x => model.Energies(x).Map(e => -e - logZ));
    }

    /// <summary>The Gaussian N(mean, covariance); the covariance must be symmetric positive definite (every problem is reported).</summary>
    public static Validation<Error, Proposal> Gaussian(Vec mean, Mat covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.Rows != mean.Length || covariance.Columns != mean.Length)
            return Fail<Error, Proposal>(SamplingEstimateErrors.InvalidProposal("covariance", $"is {covariance.Rows} x {covariance.Columns}, expected {mean.Length} x {mean.Length}"));
        var precision = GaussianCovariance.Precision(covariance);
        if (precision is null)
            return Fail<Error, Proposal>(SamplingEstimateErrors.InvalidProposal("covariance", "is not symmetric positive definite with finite entries"));
        return GaussianModel.Create(mean, precision).Map(Gaussian);
    }

    private static Proposal FromLogitsUnchecked(Vec logits, StateConvention states)
    {
        var n = logits.Length;
        var probabilities = LogSpace.Sigmoid(logits);
        var logHigh = LogSpace.LogSigmoid(logits);
        var logLow = LogSpace.LogSigmoid(logits.Map(l => -l));
        var (low, high) = states == StateConvention.Spin ? (-1.0, 1.0) : (0.0, 1.0);
        return new Proposal($"bernoulli {states}", n, states,
            (key, count) => Mat.Create(count, n, d =>
            {
                for (var r = 0; r < count; r++)
                {
                    var row = d.Slice(r * n, n);
                    key.Bernoulli(probabilities.Span, row, (long)r * n);
                    if (states == StateConvention.Spin)
                        for (var j = 0; j < n; j++) row[j] = row[j] == 1.0 ? high : low;
                }
            }),
            x => Vec.Create(x.Rows, d =>
            {
                for (var r = 0; r < x.Rows; r++)
                {
                    var row = x.Row(r);
                    var s = 0.0;
                    for (var j = 0; j < n; j++) s += row[j] == high ? logHigh[j] : logLow[j];
                    d[r] = s;
                }
            }));
    }
}
