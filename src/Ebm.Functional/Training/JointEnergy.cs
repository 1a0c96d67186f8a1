using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// The joint energy-based classifier (JEM; Grathwohl, Wang, Jacobsen, Duvenaud, Norouzi &amp; Swersky 2020, "Your
/// classifier is secretly an energy based model and you should treat it like one", ICLR): a classifier's logits f(x)
/// define p(y | x) = softmax f(x) and an unnormalised E(x) = -logsumexp_y f(x)[y], trained on log p(y | x) + log p(x).
/// </summary>
/// <remarks>
/// Minibatches are LABELLED: the features in every column but the last, and the class index 0..K-1 written as a double
/// in the last column (<c>Toys2D.SampleLabelled</c> writes them so). A label that is not an integer in range is an error
/// naming the example.
/// </remarks>
public static class JointEnergy
{
    /// <summary>The joint objective's name, as <c>ebm train --objective</c> spells it.</summary>
    public const string Name = "jem";

    /// <summary>The plain classifier's name.</summary>
    public const string ClassifierName = "classifier";

    /// <summary>The metric of the fraction of the minibatch classified correctly (argmax of the logits, before the step).</summary>
    public const string AccuracyMetric = "accuracy";

    /// <summary>The metric of the minibatch's mean cross-entropy -log p(y | x).</summary>
    public const string CrossEntropyMetric = "cross-entropy";

    /// <summary>
    /// JEM: the loss (1/n) sum_r -log p(y_r | x_r) + w [mean_r E(x_r) - mean_s E(x-_s) + alpha (mean E(x)^2 + mean E(x-)^2)]
    /// with x- Langevin samples of exp(-E) (<see cref="LangevinSettings"/>, run on grad_x E) and w the generative weight.
    /// </summary>
    /// <remarks>
    /// With a = the per-row weight of dE/dθ from the generative term and p_r = softmax f(x_r), the logit coefficients are
    /// A[r, k] = (p_rk - [k = y_r]) / n - a_r p_rk for the data rows and -a_s p_sk for the samples, since
    /// dE/dθ = -sum_k p_k df_k/dθ; one <see cref="ClassifierDerivatives{TModel}.LogitParameterGradient"/> over the stacked
    /// rows gives the whole gradient. The samples draw from the step's key as in <see cref="LangevinLikelihood"/>.
    /// Metrics: loss, <see cref="AccuracyMetric"/>, <see cref="CrossEntropyMetric"/>, and the data and sample energies.
    /// </remarks>
    /// <param name="derivatives">The classifier's derivatives.</param>
    /// <param name="settings">The Langevin negative phase.</param>
    /// <param name="generativeWeight">w, the weight of the generative term (0 trains the plain classifier, with no sampling).</param>
    public static Objective<TModel> Objective<TModel>(ClassifierDerivatives<TModel> derivatives, LangevinSettings settings, double generativeWeight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        ArgumentNullException.ThrowIfNull(settings);
        return new(Name, (key, _) => LangevinLikelihood.StartBuffer(Name, settings, key), (key, model, chains, batch) =>
            !(generativeWeight >= 0 && double.IsFinite(generativeWeight))
                ? FinFail<ObjectiveResult>(ContinuousTrainingErrors.InvalidSetting(Name, $"generative weight is {generativeWeight}, expected a finite number at least 0"))
                : settings.Check(Name).Bind(valid => Step(Name, key, derivatives, valid, generativeWeight, model, chains, batch)));
    }

    /// <summary>
    /// The plain classifier trained the same way: the mean cross-entropy (1/n) sum_r -log softmax f(x_r)[y_r] alone, with
    /// gradient coefficients A[r, k] = (p_rk - [k = y_r]) / n, the baseline JEM's accuracy and calibration are compared to.
    /// Metrics: loss (the cross-entropy), <see cref="AccuracyMetric"/>, <see cref="CrossEntropyMetric"/>.
    /// </summary>
    /// <param name="derivatives">The classifier's derivatives.</param>
    public static Objective<TModel> Classifier<TModel>(ClassifierDerivatives<TModel> derivatives)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        return new(ClassifierName, ScoreMatching.NoChains<TModel>(), (key, model, chains, batch) =>
            Step(ClassifierName, key, derivatives, null, 0.0, model, chains, batch));
    }

    private static Fin<ObjectiveResult> Step<TModel>(
        string name, RngKey key, ClassifierDerivatives<TModel> derivatives, LangevinSettings? settings, double weight, TModel model, Seq<Mat> chains, Mat batch) =>
        from x in ContinuousBatchChecks.Features(name, model, batch)
        let logits = derivatives.Logits(model, x)
        from labels in ContinuousBatchChecks.Labels(name, batch, logits.Columns)
        from negative in settings is null || weight == 0
            ? FinSucc((Negatives: Mat.Zeros(0, x.Columns), Chains: chains))
            : LangevinLikelihood.Negatives(name, key, settings, rows => derivatives.EnergyInputGradients(model, rows), chains, x.Rows, x.Columns)
        from result in Gradient(name, derivatives, settings?.EnergyRegularisation ?? 0.0, weight, model, x, logits, labels, negative.Negatives, negative.Chains)
        select result;

    private static Fin<ObjectiveResult> Gradient<TModel>(
        string name, ClassifierDerivatives<TModel> derivatives, double alpha, double weight, TModel model, Mat x, Mat logits, int[] labels, Mat negatives, Seq<Mat> chains)
    {
        int n = x.Rows, k = logits.Columns;
        var sampleLogits = negatives.Rows > 0 ? derivatives.Logits(model, negatives) : Mat.Zeros(0, k);
        var all = ParameterSums.Stack(logits, sampleLogits);
        var probabilities = Softmax(all, out var logSumExp);
        var crossEntropy = 0.0;
        var correct = 0;
        for (var r = 0; r < n; r++)
        {
            crossEntropy += (logSumExp[r] - logits[r, labels[r]]) / n;
            if (ArgMax(logits.Row(r)) == labels[r]) correct++;
        }

        var metrics = Seq<Metric>();
        var energyWeights = new double[all.Rows];
        var loss = crossEntropy;
        if (negatives.Rows > 0)
        {
            var energies = Vec.Create(all.Rows, e =>
            {
                for (var t = 0; t < all.Rows; t++) e[t] = -logSumExp[t];
            });
            var contrast = LangevinLikelihood.Contrast(energies, n, alpha, weight);
            contrast.Weights.Span.CopyTo(energyWeights);
            loss += contrast.Loss;
            metrics = Seq(new Metric(LangevinLikelihood.DataEnergyMetric, contrast.DataEnergy), new Metric(LangevinLikelihood.SampleEnergyMetric, contrast.SampleEnergy));
        }

        var coefficients = Mat.Create(all.Rows, k, a =>
        {
            for (var t = 0; t < all.Rows; t++)
            for (var j = 0; j < k; j++)
            {
                var p = probabilities[t * k + j];
                var classification = t < n ? (p - (j == labels[t] ? 1.0 : 0.0)) / n : 0.0;
                a[t * k + j] = classification - energyWeights[t] * p;
            }
        });
        var gradient = derivatives.LogitParameterGradient(model, ParameterSums.Stack(x, negatives), coefficients);
        return from _ in ContinuousBatchChecks.FiniteResult(name, "the loss", [loss])
               from __ in ContinuousBatchChecks.FiniteResult(name, "the gradient", gradient.Span)
               select new ObjectiveResult(gradient, chains, Seq(
                   new Metric(ScoreMatching.LossMetric, loss), new Metric(AccuracyMetric, (double)correct / n), new Metric(CrossEntropyMetric, crossEntropy)) + metrics);
    }

    /// <summary>Row-wise softmax (n x K, flat) and each row's logsumexp, shifted by the row maximum so no exp overflows.</summary>
    private static double[] Softmax(Mat logits, out double[] logSumExp)
    {
        int n = logits.Rows, k = logits.Columns;
        var probabilities = new double[n * k];
        logSumExp = new double[n];
        for (var r = 0; r < n; r++)
        {
            var row = logits.Row(r);
            var lse = LogSpace.LogSumExp(row);
            logSumExp[r] = lse;
            for (var j = 0; j < k; j++) probabilities[r * k + j] = Math.Exp(row[j] - lse);
        }

        return probabilities;
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        var best = 0;
        for (var j = 1; j < row.Length; j++)
            if (row[j] > row[best]) best = j;
        return best;
    }
}
