using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.ContinuousObjectiveFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// The learning problem of the MLP objectives' tests: a 2 x 32 softplus energy on the standardised correlated Gaussian
/// of <see cref="ContinuousObjectiveFixtures"/>, judged by its exact test log-likelihood (Z by quadrature on a box that
/// holds the data) against the data's own density.
/// </summary>
internal static class MlpLearningFixtures
{
    /// <summary>The box [-4, 6] x [-5, 4]: beyond 4.5 standard deviations of the data on every side.</summary>
    public static readonly QuadratureRegion Box = new(-4.0, 6.0, -5.0, 4.0, 0.25, 0.25);

    /// <summary>
    /// The average log density of <paramref name="test"/> under the distribution that drew it, N(mean, C) with
    /// C = [[1, 0.5], [0.5, 0.8]]: -log 2 pi - 1/2 log det C - 1/2 mean_r r^T C^-1 r (about -2.54).
    /// </summary>
    public static double DataLogLikelihood(Mat test)
    {
        var truth = GaussianModel.Create(TrueMean, TruePrecision).Valid();
        var energies = truth.Energies(test);
        var mean = 0.0;
        for (var r = 0; r < test.Rows; r++) mean += energies[r] / test.Rows;
        return -Math.Log(2 * Math.PI) - 0.5 * Math.Log(0.55) - mean;
    }

    /// <summary>
    /// How far below the data's own density the trained MLPs' test log-likelihood may stay: 0.1 nats. Measured after 40
    /// epochs: SM 0.003, SSM-VR 0.003, NCE 0.004, DSM (sigma 0.1, whose smoothing bias alone costs about 0.01) and
    /// Langevin ML 0.05; the untrained network is 1.45 nats below.
    /// </summary>
    public const double Margin = 0.1;

    /// <summary>Training data (1000 draws) and test data (2000 other draws).</summary>
    public static (Mat Train, Mat Test) TrainAndTest() => (GaussianData(1000, 31), GaussianData(2000, 32));

    /// <summary>The standardisation of the training data: per-coordinate sample mean and standard deviation.</summary>
    public static InputScaling Scaling(Mat data)
    {
        var (mean, covariance) = (new double[2], new double[2]);
        for (var i = 0; i < 2; i++)
        {
            for (var r = 0; r < data.Rows; r++) mean[i] += data[r, i] / data.Rows;
            for (var r = 0; r < data.Rows; r++) covariance[i] += (data[r, i] - mean[i]) * (data[r, i] - mean[i]) / data.Rows;
        }

        return InputScaling.Create(Vec.Of(mean), Vec.Of(Math.Sqrt(covariance[0]), Math.Sqrt(covariance[1]))).Valid();
    }

    /// <summary>A 2 x 32 softplus energy with seeded He-scaled weights on the training data's standardisation.</summary>
    public static MlpEnergy Energy(Mat train) =>
        MlpTraining.InitialiseEnergy(RngKey.FromSeed(12), 2, [32, 32], MlpActivation.Softplus, Scaling(train)).ThrowIfFail();

    /// <summary>The exact average log-likelihood -mean E(x) - log Z, Z of exp(-E) on <see cref="Box"/> by quadrature (to 1e-5 relative: far below the margins the tests state).</summary>
    public static double TestLogLikelihood(MlpEnergy model, Mat test)
    {
        var logZ = Quadrature2D.Compute(model, 1.0, Box, new QuadratureSettings(Tolerance: 1e-5, MaxIntervals: 1024)).ThrowIfFail().Exact.LogZ;
        var energies = model.Energies(test);
        var mean = 0.0;
        for (var r = 0; r < test.Rows; r++) mean += energies[r] / test.Rows;
        return -mean - logZ;
    }

    /// <summary>The mean of an objective's loss metric over the first and over the last epoch of a training run.</summary>
    public static (TModel Model, double FirstLoss, double LastLoss) Train<TModel>(
        ModelParameters<TModel> parameters, Objective<TModel> objective, TModel start, Mat data, double learningRate, int batchSize, int epochs)
    {
        var steps = (long)epochs * ((data.Rows + batchSize - 1) / batchSize);
        var trainer = new Trainer<TModel>(parameters, objective, DecayedAdam(learningRate, steps));
        var state = trainer.Init(RngKey.FromSeed(5), start).ThrowIfFail();
        double first = double.NaN, last = double.NaN;
        for (var e = 0; e < epochs; e++)
        {
            var (next, metrics) = trainer.Epoch(state, data, batchSize).ThrowIfFail();
            var loss = metrics.Find(m => m.Name == ScoreMatching.LossMetric).Map(m => m.Value).IfNone(double.NaN);
            if (e == 0) first = loss;
            last = loss;
            state = next;
        }

        return (state.Model, first, last);
    }
}
