using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Noise-contrastive estimation (Gutmann &amp; Hyvärinen 2010, "Noise-contrastive estimation: a new estimation principle
/// for unnormalized statistical models", AISTATS): fit a model and its log Z by logistic regression of the data against
/// samples of a known noise distribution.
/// </summary>
public static class NoiseContrastive
{
    /// <summary>The objective's name, as <c>ebm train --objective</c> spells it.</summary>
    public const string Name = "nce";

    /// <summary>The metric holding the learned log Z after the step's model (the value the step differentiated at).</summary>
    public const string LogZMetric = "log-z";

    /// <summary>
    /// The layout of a <see cref="Normalised{TModel}"/>: the inner family's layout, then log Z as the last entry (never
    /// decayed). The family name is the inner one.
    /// </summary>
    /// <param name="inner">The energy's layout.</param>
    public static ModelParameters<Normalised<TModel>> Parameters<TModel>(ModelParameters<TModel> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new(
            inner.Family,
            model => Append(inner.ToVector(model.Model), model.LogZ),
            (model, values) =>
            {
                var length = inner.ToVector(model.Model).Length + 1;
                if (values.Length != length) return FinFail<Normalised<TModel>>(TrainingErrors.ParameterLength(inner.Family, length, values.Length));
                return inner.FromVector(model.Model, Vec.From(values.Span[..^1])).Map(m => new Normalised<TModel>(m, values[^1]));
            },
            model => Append(inner.DecayMask(model.Model), 0.0));
    }

    /// <summary>
    /// The NCE objective with noise q and ratio nu: with n data rows x and m = max(1, round(nu n)) noise rows y drawn
    /// fresh at each step, G(u) = -E(u) - c - log q(u) - log(m / n), the loss is
    /// (1/n) [ sum_r softplus(-G(x_r)) + sum_s softplus(G(y_s)) ], the negative log-likelihood of telling data from noise
    /// by the logistic function of G (the paper's eq. 3 times (1 + nu)).
    /// </summary>
    /// <remarks>
    /// Its minimiser over (θ, c) is consistent: p_θ = p_data and c = log Z(θ) when the family contains the data's
    /// density and q is positive wherever the data is (Theorem 1). The gradient is (1/n) [ sum_r sigmoid(-G(x_r))
    /// dE(x_r)/dθ - sum_s sigmoid(G(y_s)) dE(y_s)/dθ ] in θ (one <see cref="EnergyDerivatives{TModel}.ParameterGradient"/>
    /// over the stacked rows) and (1/n) [ sum_r sigmoid(-G(x_r)) - sum_s sigmoid(G(y_s)) ] in c. A larger nu brings the
    /// estimator's variance toward that of maximum likelihood. The noise rows are <c>noise.Sample(key, m)</c>.
    /// Metrics: <see cref="ScoreMatching.LossMetric"/> and <see cref="LogZMetric"/>.
    /// </remarks>
    /// <param name="derivatives">The energy's derivatives.</param>
    /// <param name="noise">The noise distribution (<see cref="NoiseDistribution.FitGaussian"/> by default).</param>
    /// <param name="noiseRatio">nu, noise samples per data example (positive).</param>
    public static Objective<Normalised<TModel>> Objective<TModel>(EnergyDerivatives<TModel> derivatives, NoiseDistribution noise, double noiseRatio = 1.0)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        ArgumentNullException.ThrowIfNull(noise);
        return new(Name, ScoreMatching.NoChains<Normalised<TModel>>(), (key, model, _, batch) =>
        {
            if (!(noiseRatio > 0 && double.IsFinite(noiseRatio)))
                return FinFail<ObjectiveResult>(ContinuousTrainingErrors.InvalidSetting(Name, $"noise ratio {noiseRatio}: expected a positive finite number"));
            if (batch.Columns != noise.Dimension)
                return FinFail<ObjectiveResult>(ContinuousTrainingErrors.WrongWidth(Name, noise.Dimension, batch.Columns));
            return ContinuousBatchChecks.Real(Name, model.Model, batch).Bind(x => Step(key, derivatives, noise, noiseRatio, model, x));
        });
    }

    private static Fin<ObjectiveResult> Step<TModel>(
        RngKey key, EnergyDerivatives<TModel> derivatives, NoiseDistribution noise, double noiseRatio, Normalised<TModel> model, Mat x)
    {
        var n = x.Rows;
        var m = (int)Math.Max(1, Math.Round(noiseRatio * n));
        var logRatio = Math.Log((double)m / n);
        var rows = ParameterSums.Stack(x, noise.Sample(key, m));
        var energies = derivatives.Energies(model.Model, rows);
        var logNoise = noise.LogDensity(rows);
        var loss = 0.0;
        var logZGradient = 0.0;
        var weights = Vec.Create(n + m, w =>
        {
            for (var t = 0; t < n + m; t++)
            {
                var logit = -energies[t] - model.LogZ - logNoise[t] - logRatio;
                if (t < n)
                {
                    var missed = LogSpace.Sigmoid(-logit);
                    loss += LogSpace.Softplus(-logit);
                    w[t] = missed / n;
                    logZGradient += missed / n;
                }
                else
                {
                    var fooled = LogSpace.Sigmoid(logit);
                    loss += LogSpace.Softplus(logit);
                    w[t] = -fooled / n;
                    logZGradient -= fooled / n;
                }
            }
        });
        var gradient = Append(derivatives.ParameterGradient(model.Model, rows, weights), logZGradient);
        return ScoreMatching.Result(Name, loss / n, gradient, new Metric(LogZMetric, model.LogZ));
    }

    private static Vec Append(Vec values, double last) => Vec.Create(values.Length + 1, d =>
    {
        values.Span.CopyTo(d);
        d[^1] = last;
    });
}
