using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using Xunit.Abstractions;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Evidence that the evaluation measures what it claims, on RBMs trained by exact maximum likelihood on bars and
/// stripes: the AIS log-likelihood lies within its error bar of the exact one, and the trained model's samples
/// reproduce the data's moments within their Monte Carlo standard error.
/// </summary>
public sealed class EvaluationEvidenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// z of the comparisons: P(|Z| &gt; 4) = 6.3e-5 for a normal estimator, so delta &lt;= 6.3e-5 per comparison and,
    /// by the union bound, at most 0.6 % over the hundred or so comparisons of the moment test.
    /// </summary>
    private const double Z = 4.0;

    private static double Value(Seq<Metric> metrics, string name) =>
        metrics.Find(m => m.Name == name).Match(m => m.Value, () => throw new Xunit.Sdk.XunitException($"no metric {name}"));

    private static Seq<Metric> Evaluate(EvaluationSettings settings, ulong seed, BernoulliRbm model, Mat data) =>
        Evaluation.ForBernoulliRbm(settings).Evaluate(RngKey.FromSeed(seed), model, data, None, Seq<Mat>())
            .Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));

    [Fact]
    public void The_ais_log_likelihood_of_a_trained_rbm_lies_within_its_error_bar_of_the_exact_value()
    {
        // 16 x 8 RBM, 300 full-batch Adam steps (lr 0.05) of exact ML on all 30 bars-and-stripes 4 x 4 images.
        var data = EvaluationTrainedRbms.BarsAndStripesData(4);
        var model = EvaluationTrainedRbms.Train(data, hidden: 8, steps: 300, learningRate: 0.05, seed: 3);
        var exact = Evaluate(EvaluationSettings.Default, 1, model, data);
        // AIS forced (no exact units), 100 particles, 1000 linear steps; the hidden layer is small, so the sandwich runs too.
        var ais = Evaluate(new EvaluationSettings(ExactMaxUnits: 0, AisParticles: 100, AisSteps: 1000), 5, model, data);

        var (exactLl, exactLogZ) = (Value(exact, EvaluationMetrics.TrainLogLikelihood), Value(exact, EvaluationMetrics.LogPartition));
        var (aisLl, se) = (Value(ais, EvaluationMetrics.TrainLogLikelihood), Value(ais, EvaluationMetrics.TrainLogLikelihoodStandardError));
        var (lower, upper, upperSe) = (Value(ais, EvaluationMetrics.LogPartitionLower), Value(ais, EvaluationMetrics.LogPartitionUpper), Value(ais, EvaluationMetrics.LogPartitionUpperStandardError));
        output.WriteLine($"exact train-ll {exactLl:G8} (best -log 30 = {-Math.Log(30):G8}), AIS {aisLl:G8} ± {se:G3}; log Z {exactLogZ:G8} in [{lower:G8}, {upper:G8} ± {upperSe:G3}]");

        // The model learned (its likelihood is far above the uniform model's -16 log 2 = -11.09), and AIS is precise enough to say something.
        Assert.True(exactLl > -6, $"the trained model's exact train-ll is {exactLl}");
        Assert.InRange(se, 1e-6, 0.1);
        Assert.True(Math.Abs(aisLl - exactLl) <= Z * se, $"AIS {aisLl} ± {se}, exact {exactLl}");
        Assert.True(lower - Z * se <= exactLogZ, $"lower bound {lower} ± {se} above the exact log Z {exactLogZ}");
        Assert.True(upper + Z * upperSe >= exactLogZ, $"upper bound {upper} ± {upperSe} below the exact log Z {exactLogZ}");
    }

    [Fact]
    public void A_trained_rbms_samples_reproduce_the_datas_moments_within_their_mcse()
    {
        // 9 x 6 RBM, 1500 full-batch Adam steps (lr 0.05) of exact ML on the 14 bars-and-stripes 3 x 3 images.
        var data = EvaluationTrainedRbms.BarsAndStripesData(3);
        var model = EvaluationTrainedRbms.Train(data, hidden: 6, steps: 1500, learningRate: 0.05, seed: 4);
        int nv = model.Visible, nh = model.Hidden;

        // At a stationary point of the likelihood the model's E[v], E[h], E[v h^T] equal the data's E[v], E[p(h|v)],
        // E[v p(h|v)^T] (the gradient is their difference); training stops short of it by the gradient's largest entry.
        var gradient = EvaluationTrainedRbms.ModelExpectations(model)
            .Zip(RbmTraining.Flatten(model.FreeEnergyGradient(data)).ToArray(), (m, d) => Math.Abs(m + d)).Max();
        Assert.True(gradient < 0.01, $"training left a gradient of {gradient}");
        // Any other moment, v_i v_k in [0, 1] among them, differs by at most the total variation distance, which Pinsker's
        // inequality bounds by sqrt(KL / 2); KL(data || model) = -log N - (average log-likelihood) for N distinct examples.
        var ll = Value(Evaluate(EvaluationSettings.Default, 1, model, data), EvaluationMetrics.TrainLogLikelihood);
        var totalVariation = Math.Sqrt(Math.Max(0, -Math.Log(data.Rows) - ll) / 2);

        // 20,000 exact, independent draws (v, h), as 4 chains x 5000 for the MCSE.
        const int chains = 4, perChain = 5000;
        var draws = RbmExactDraws.Sample(RngKey.FromSeed(8), model, chains * perChain).Match(d => d, e => throw new Xunit.Sdk.XunitException(e.Message));
        var hiddenGivenData = model.HiddenProbabilities(data, 1.0);
        var worst = 0.0;

        void Compare(string name, Func<ReadOnlySpan<double>, double> ofDraw, Func<int, double> ofExample, double bias)
        {
            var values = Mat.Create(chains, perChain, d => { for (var s = 0; s < d.Length; s++) d[s] = ofDraw(draws.Row(s)); });
            var sample = values.Span.ToArray().Average();
            // Draws that are all equal (a unit that is never on) have no spread, and their mean no Monte Carlo error.
            var mcse = values.Span.ToArray().Distinct().Count() == 1
                ? 0.0
                : MonteCarloStandardError.OfMean(values).Match(x => x, e => throw new Xunit.Sdk.XunitException(e.Message));
            var target = Enumerable.Range(0, data.Rows).Average(ofExample);
            worst = Math.Max(worst, Math.Abs(sample - target) / (bias + Z * mcse));
            Assert.True(Math.Abs(sample - target) <= bias + Z * mcse, $"{name}: samples {sample} ± {mcse}, data {target}, allowed bias {bias}");
        }

        for (var i = 0; i < nv; i++)
        {
            var vi = i;
            Compare($"E[v{vi}]", s => s[vi], n => data[n, vi], gradient);
            for (var j = 0; j < nh; j++)
            {
                var hj = j;
                Compare($"E[v{vi} h{hj}]", s => s[vi] * s[nv + hj], n => data[n, vi] * hiddenGivenData[n, hj], gradient);
            }

            for (var k = i + 1; k < nv; k++)
            {
                var vk = k;
                Compare($"E[v{vi} v{vk}]", s => s[vi] * s[vk], n => data[n, vi] * data[n, vk], totalVariation);
            }
        }

        for (var j = 0; j < nh; j++)
        {
            var hj = j;
            Compare($"E[h{hj}]", s => s[nv + hj], n => hiddenGivenData[n, hj], gradient);
        }

        output.WriteLine($"gradient {gradient:G3}, train-ll {ll:G6} (best {-Math.Log(data.Rows):G6}), TV bound {totalVariation:G3}, worst |difference| / allowed {worst:G3}");
    }
}
