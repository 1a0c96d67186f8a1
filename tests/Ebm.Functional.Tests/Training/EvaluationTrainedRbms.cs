using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// RBMs trained by exact maximum likelihood for the evaluation tests, through the library's <see cref="Trainer{TModel}"/>:
/// the model's expectations come from enumerating the hidden layer here, independently of the objectives under test.
/// </summary>
internal static class EvaluationTrainedRbms
{
    /// <summary>
    /// The exact loss gradient: d/dθ [mean F(v) + log Z] = mean dF/dθ + E_model[dE/dθ], with the model's expectations
    /// E[v_i h_j], E[v_i], E[h_j] summed over all 2^nh hidden states: p(h) ∝ exp(c.h) prod_i (1 + exp(a_i)),
    /// a = b + W h, and E[v_i | h] = sigmoid(a_i).
    /// </summary>
    public static Objective<BernoulliRbm> ExactByHiddenEnumeration() => new(
        "exact-test",
        (_, _) => FinSucc(Seq<Mat>()),
        (_, model, _, batch) =>
        {
            var positive = RbmTraining.Flatten(model.FreeEnergyGradient(batch)).ToArray();
            var negative = ModelExpectations(model);
            return FinSucc(new ObjectiveResult(Vec.Create(positive.Length, d =>
            {
                for (var k = 0; k < d.Length; k++) d[k] = positive[k] + negative[k];
            }), Seq<Mat>(), Seq<Metric>()));
        });

    /// <summary>(E[v h^T] row-major, E[v], E[h]) of the model, in the layout of <see cref="RbmTraining.Parameters"/>.</summary>
    public static double[] ModelExpectations(BernoulliRbm model)
    {
        int nv = model.Visible, nh = model.Hidden;
        var logWeights = new double[1 << nh];
        var conditionals = new double[1 << nh][];
        for (var h = 0; h < 1 << nh; h++)
        {
            var log = 0.0;
            for (var j = 0; j < nh; j++) log += ((h >> j) & 1) * model.HiddenBias[j];
            conditionals[h] = new double[nv];
            for (var i = 0; i < nv; i++)
            {
                var a = model.VisibleBias[i];
                for (var j = 0; j < nh; j++) a += model.Weights[i, j] * ((h >> j) & 1);
                log += LogSpace.Softplus(a);
                conditionals[h][i] = LogSpace.Sigmoid(a);
            }

            logWeights[h] = log;
        }

        var logZ = LogSpace.LogSumExp(logWeights);
        var expectations = new double[nv * nh + nv + nh];
        for (var h = 0; h < 1 << nh; h++)
        {
            var p = Math.Exp(logWeights[h] - logZ);
            for (var i = 0; i < nv; i++)
            {
                for (var j = 0; j < nh; j++) expectations[i * nh + j] += p * conditionals[h][i] * ((h >> j) & 1);
                expectations[nv * nh + i] += p * conditionals[h][i];
            }

            for (var j = 0; j < nh; j++) expectations[nv * nh + nv + j] += p * ((h >> j) & 1);
        }

        return expectations;
    }

    /// <summary>All the bars-and-stripes images of side <paramref name="side"/>.</summary>
    public static Mat BarsAndStripesData(int side) => BarsAndStripes.All(side).Match(d => d, e => throw new InvalidOperationException(e.Message));

    /// <summary>
    /// An RBM with <paramref name="hidden"/> hidden units trained on all of <paramref name="data"/> (one full batch per
    /// step) by Adam for <paramref name="steps"/> steps from small weights drawn with <paramref name="seed"/>.
    /// </summary>
    public static BernoulliRbm Train(Mat data, int hidden, int steps, double learningRate, ulong seed)
    {
        var key = RngKey.FromSeed(seed);
        var nv = data.Columns;
        var start = BernoulliRbm.Create(
            Mat.Create(nv, hidden, d => { for (var k = 0; k < d.Length; k++) d[k] = 0.1 * key.NormalAt(k); }),
            Vec.Zeros(nv), Vec.Zeros(hidden)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var optimizer = Optimizers.Adam(learningRate).Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, ExactByHiddenEnumeration(), optimizer);
        return trainer.Init(key.FoldIn(1), start)
            .Bind(state => trainer.Epochs(state, data, data.Rows, steps))
            .Match(s => s.Model, e => throw new InvalidOperationException(e.Message));
    }
}
