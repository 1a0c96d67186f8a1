using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// The reference problem of the continuous objectives' tests: a correlated 2-D Gaussian whose mean and precision every
/// consistent objective must recover, its standard errors, and short Adam runs with a cosine-decayed learning rate.
/// </summary>
internal static class ContinuousObjectiveFixtures
{
    /// <summary>The true mean (1, -0.5).</summary>
    public static readonly Vec TrueMean = Vec.Of(1.0, -0.5);

    /// <summary>The true covariance [[1, 0.5], [0.5, 0.8]].</summary>
    public static readonly Mat TrueCovariance = Mat.FromRows([[1.0, 0.5], [0.5, 0.8]]);

    /// <summary>The true precision, the inverse of <see cref="TrueCovariance"/>: [[0.8, -0.5], [-0.5, 1]] / 0.55.</summary>
    public static readonly Mat TruePrecision = Mat.FromRows([[0.8 / 0.55, -0.5 / 0.55], [-0.5 / 0.55, 1.0 / 0.55]]);

    /// <summary>N(0, I): where every fit starts.</summary>
    public static readonly GaussianModel StandardNormal = GaussianModel.Create(Vec.Zeros(2), Mat.FromRows([[1.0, 0.0], [0.0, 1.0]])).Valid();

    /// <summary>n draws of N(<see cref="TrueMean"/>, <see cref="TrueCovariance"/>): x = mean + C z, C = chol(covariance).</summary>
    public static Mat GaussianData(int n, ulong seed) => Mat.Create(n, 2, d =>
    {
        // chol([[1, 0.5], [0.5, 0.8]]) = [[1, 0], [0.5, sqrt(0.55)]].
        var z = new double[2 * n];
        RngKey.FromSeed(seed).Normal(z);
        for (var r = 0; r < n; r++)
        {
            d[2 * r] = TrueMean[0] + z[2 * r];
            d[2 * r + 1] = TrueMean[1] + 0.5 * z[2 * r] + Math.Sqrt(0.55) * z[2 * r + 1];
        }
    });

    /// <summary>The standard error sqrt(covariance_ii / n) of the sample mean's coordinate i.</summary>
    public static double MeanStandardError(Mat covariance, int i, int n) => Math.Sqrt(covariance[i, i] / n);

    /// <summary>
    /// The asymptotic standard error of entry (i, j) of the maximum-likelihood precision P^ = S^-1 from n draws:
    /// sqrt((P_ii P_jj + P_ij^2) / n), the delta method on the Wishart covariance of S (Anderson 2003, section 7.2).
    /// </summary>
    public static double PrecisionStandardError(Mat precision, int i, int j, int n) =>
        Math.Sqrt((precision[i, i] * precision[j, j] + precision[i, j] * precision[i, j]) / n);

    /// <summary>Adam whose learning rate decays by a cosine from <paramref name="learningRate"/> to 1% of it over the run.</summary>
    public static GradientTransformation DecayedAdam(double learningRate, long steps) => Transforms.Chain(
        Transforms.ScaleByAdam().Valid(),
        Transforms.ScaleBySchedule(Schedules.CosineDecay(-learningRate, steps, 0.01).Valid()));

    /// <summary>Trains with <see cref="DecayedAdam"/> for the given epochs; the model at the end.</summary>
    public static TModel Fit<TModel>(
        ModelParameters<TModel> parameters, Objective<TModel> objective, TModel start, Mat data, double learningRate, int batchSize, int epochs, ulong seed)
    {
        var steps = (long)epochs * ((data.Rows + batchSize - 1) / batchSize);
        var trainer = new Trainer<TModel>(parameters, objective, DecayedAdam(learningRate, steps));
        return trainer.Init(RngKey.FromSeed(seed), start)
            .Bind(s => trainer.Epochs(s, data, batchSize, epochs))
            .Map(end => end.Model)
            .ThrowIfFail();
    }

    /// <summary>The loss metric of one objective step (the same key gives the same random draws).</summary>
    public static double Loss<TModel>(Objective<TModel> objective, RngKey key, TModel model, Mat batch) =>
        objective.Step(key, model, objective.StartChains(key, model).ThrowIfFail(), batch).ThrowIfFail().Metrics
            .Find(m => m.Name == ScoreMatching.LossMetric).Map(m => m.Value).IfNone(double.NaN);

    /// <summary>
    /// The gradient of an objective's step at <paramref name="model"/> and the central differences of its reported loss
    /// over the flat parameters, both at the same key (so the same projections, noise or noise samples).
    /// </summary>
    public static (double[] Gradient, double[] FiniteDifferences) GradientAndDifferences<TModel>(
        ModelParameters<TModel> parameters, Objective<TModel> objective, RngKey key, TModel model, Mat batch, double step = 1e-5)
    {
        var gradient = objective.Step(key, model, objective.StartChains(key, model).ThrowIfFail(), batch).ThrowIfFail().Gradient.ToArray();
        var differences = RbmTrainingFixtures.FiniteDifferences(
            v => Loss(objective, key, parameters.FromVector(model, v).ThrowIfFail(), batch), parameters.ToVector(model), step);
        return (gradient, differences);
    }

    /// <summary>The value of a validation that a test knows is valid (its first error as the failure otherwise).</summary>
    public static T Valid<T>(this Validation<LanguageExt.Common.Error, T> validation) =>
        validation.Match(Succ: value => value, Fail: errors => throw new InvalidOperationException(errors.Head.Message));
}
