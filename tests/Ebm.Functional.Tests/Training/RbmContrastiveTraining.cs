using Ebm.Functional.Datasets;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Tests.Training;

/// <summary>Shared pieces of the CD/PCD tests: a small random RBM, a training run through the trainer, the exact average log-likelihood.</summary>
internal static class RbmContrastiveTraining
{
    public static T Ok<T>(Fin<T> value) => value.Match(Succ: x => x, Fail: e => throw new InvalidOperationException(e.Message));

    /// <summary>W ~ scale N(0, 1), b and c ~ bias U(-1, 1) (zero when bias is 0), from the seed.</summary>
    public static BernoulliRbm Random(int visible, int hidden, ulong seed, double scale = 0.01, double bias = 0.0)
    {
        var key = RngKey.FromSeed(seed);
        var weights = new double[visible * hidden];
        key.FoldIn(0).Normal(weights);
        for (var i = 0; i < weights.Length; i++) weights[i] *= scale;
        var b = Vec.Create(visible, d => { for (var i = 0; i < d.Length; i++) d[i] = bias * (2 * key.FoldIn(1).UniformAt(i) - 1); });
        var c = Vec.Create(hidden, d => { for (var j = 0; j < d.Length; j++) d[j] = bias * (2 * key.FoldIn(2).UniformAt(j) - 1); });
        return BernoulliRbm.Create(Mat.From(visible, hidden, weights), b, c).Match(Succ: m => m, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));
    }

    /// <summary>The exact average log-likelihood of the rows: -mean F(v) - log Z.</summary>
    public static double AverageLogLikelihood(BernoulliRbm model, Mat data)
    {
        var logZ = Ok(RbmExact.LogPartitionFunction(model, 1.0));
        return -model.FreeEnergies(data).Span.ToArray().Average() - logZ;
    }

    /// <summary>Bars-and-stripes n x n, every distinct image once.</summary>
    public static Mat BarsAndStripesData(int side) => Ok(BarsAndStripes.All(side));

    /// <summary>The model after <paramref name="epochs"/> epochs of plain SGD on the objective.</summary>
    public static BernoulliRbm Train(Objective<BernoulliRbm> objective, BernoulliRbm start, Mat data, double learningRate, int batch, int epochs, ulong seed)
    {
        var sgd = Optimizers.Sgd(learningRate).Match(Succ: t => t, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, sgd);
        return Ok(trainer.Init(RngKey.FromSeed(seed), start).Bind(s => trainer.Epochs(s, data, batch, epochs))).Model;
    }
}
