using Ebm.Functional.Datasets;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Tests.Training;

/// <summary>Exact references for the RBM objectives' tests: average log-likelihoods, finite differences, short training runs.</summary>
internal static class RbmTrainingFixtures
{
    /// <summary>All 2^(n+1) - 2 distinct n x n bars-and-stripes images.</summary>
    public static Mat BarsAndStripesImages(int side) => BarsAndStripes.All(side).ThrowIfFail();

    /// <summary>The exact average log-likelihood -mean F(v) - log Z, log Z from the library's layer sum.</summary>
    public static double AverageLogLikelihood(BernoulliRbm model, Mat data) =>
        -model.FreeEnergies(data).Span.ToArray().Average() - RbmExact.LogPartitionFunction(model, 1.0).ThrowIfFail();

    /// <summary>The exact average log-likelihood of a Gaussian-Bernoulli RBM, log Z from its closed-form layer sum.</summary>
    public static double AverageLogLikelihood(GaussianBernoulliRbm model, Mat data) =>
        -model.FreeEnergies(data).Span.ToArray().Average() - GaussianBernoulliRbmExact.Compute(model, 1.0).ThrowIfFail().LogZ;

    /// <summary>Central differences (f(x + h e_k) - f(x - h e_k)) / 2h of <paramref name="loss"/> at every coordinate.</summary>
    public static double[] FiniteDifferences(Func<Vec, double> loss, Vec at, double step = 1e-5)
    {
        var gradient = new double[at.Length];
        for (var k = 0; k < at.Length; k++)
        {
            var up = at.ToArray();
            var down = at.ToArray();
            up[k] += step;
            down[k] -= step;
            gradient[k] = (loss(Vec.Of(up)) - loss(Vec.Of(down))) / (2 * step);
        }

        return gradient;
    }

    /// <summary>The largest |a_k - b_k| / max(1, |b_k|).</summary>
    public static double RelativeError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var worst = 0.0;
        for (var k = 0; k < a.Length; k++) worst = Math.Max(worst, Math.Abs(a[k] - b[k]) / Math.Max(1.0, Math.Abs(b[k])));
        return worst;
    }

    /// <summary>A small random RBM (W and biases uniform in ±0.01) to start training from.</summary>
    public static BernoulliRbm SmallRbm(int visible, int hidden, ulong seed) => RbmTestModels.Bernoulli(visible, hidden, 0.01, 0.01, seed);

    /// <summary>Trains <paramref name="model"/> with Adam on <paramref name="data"/> for <paramref name="epochs"/> epochs.</summary>
    public static TModel Train<TModel>(
        ModelParameters<TModel> parameters, Objective<TModel> objective, TModel model, Mat data, double learningRate, int batchSize, int epochs, ulong seed)
    {
        var trainer = new Trainer<TModel>(parameters, objective, Optimizers.Adam(learningRate).Match(Succ: a => a, Fail: e => throw new InvalidOperationException(e.Head.Message)));
        return trainer.Init(RngKey.FromSeed(seed), model)
            .Bind(start => trainer.Epochs(start, data, batchSize, epochs))
            .Map(end => end.Model)
            .ThrowIfFail();
    }
}
