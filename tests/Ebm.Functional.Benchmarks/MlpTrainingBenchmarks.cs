using System.Diagnostics;
using System.Globalization;
using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// W11 through the library's real training path: one epoch of denoising score matching (sigma = 0.1) or of maximum
/// likelihood with 20 short-run Langevin steps (step 0.01, noise sqrt(0.02), fresh uniform starts on the data's box
/// widened by a tenth of its width) for a 2 x 64 softplus MLP energy on 100,000 two-moons points (<see cref="Toys2D"/>),
/// standardised (<see cref="Standardisation"/>), batch 256, Adam with learning rate 1e-3:
/// <see cref="Trainer{TModel}.Epoch"/> with <see cref="ScoreMatching.Denoising{TModel}"/> or
/// <see cref="LangevinLikelihood.Objective{TModel}"/> on <see cref="MlpTraining.Derivatives"/>, float64.
/// </summary>
/// <remarks>
/// Prints one key=value line in the format of the peer <c>scripts/w11_mlp_torch.py</c>, which runs the same model,
/// objective, batch and optimizer in PyTorch (<c>scripts/w11_interleaved.sh</c> runs the two in rounds). Each repetition
/// starts from the same model and key, waits until other processes use less than 15 % of the machine (at most 60 s),
/// and reports the share they took while it ran (<c>interf_max</c>) and the CPU seconds of this process
/// (<c>cpu_s_*</c>), the figure other jobs disturb least.
/// </remarks>
public static class MlpTrainingBenchmarks
{
    private const int Points = 100_000;
    private const int Batch = 256;
    private const double LearningRate = 1e-3;
    private const double NoiseScale = 0.1;

    /// <summary>Times <paramref name="repetitions"/> epochs after an untimed one and writes the key=value line.</summary>
    /// <param name="output">Where the line goes.</param>
    /// <param name="objectiveName">"dsm" or "ml-langevin".</param>
    /// <param name="repetitions">Timed epochs.</param>
    /// <param name="threads">Written into the line for the record: the MLP passes run on the caller's thread and the backend's GEMM threads.</param>
    public static void RunStopwatch(TextWriter output, string objectiveName, int repetitions, int threads = -1)
    {
        var setup =
            from data in Toys2D.Sample(RngKey.FromSeed(1), "two-moons", Points)
            from scaling in Standardisation.Fit(data)
            from model in MlpTraining.InitialiseEnergy(RngKey.FromSeed(2), 2, [64, 64], MlpActivation.Softplus, scaling)
            from objective in Objective(objectiveName, data)
            from adam in Optimizers.Adam(LearningRate).Match(FinSucc, errors => FinFail<GradientTransformation>(LanguageExt.Common.Error.Many(errors)))
            let built = new Trainer<MlpEnergy>(MlpTraining.Parameters, objective, adam)
            from initial in built.Init(RngKey.FromSeed(3), model)
            select (data, built, initial);
        var (points, trainer, start) = setup.Match(Succ: s => s, Fail: e => throw new InvalidOperationException(e.Message));
        (TrainState<MlpEnergy> State, Seq<Metric> Metrics) Epoch() =>
            trainer.Epoch(start, points, Batch).Match(Succ: r => r, Fail: e => throw new InvalidOperationException(e.Message));

        var last = Epoch();
        var (seconds, processorSeconds, interference, waited) = (new List<double>(), new List<double>(), new List<double>(), 0.0);
        for (var r = 0; r < repetitions; r++)
        {
            waited += Interference.WaitQuiet();
            var meter = Interference.Start();
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            last = Epoch();
            seconds.Add(clock.Elapsed.TotalSeconds);
            processorSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds);
            interference.Add(meter.ForeignShare(clock.Elapsed.TotalSeconds));
        }

        var sorted = seconds.Order().ToArray();
        var processorSorted = processorSeconds.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var batches = (Points + Batch - 1) / Batch;
        var loss = last.Metrics.Find(m => m.Name == "loss").Match(m => m.Value, () => double.NaN);
        var invariant = CultureInfo.InvariantCulture;
        string F(double x) => x.ToString("G6", invariant);
        output.WriteLine(string.Join(' ',
            "workload=W11", "impl=ebm-csharp", $"objective={objectiveName}", "dtype=f64", "layers=2x64", "activation=softplus",
            "optimizer=adam", $"lr={F(LearningRate)}", $"batch={Batch}", $"points={Points}", $"batches={batches}", $"threads={threads}",
            $"reps={repetitions}", $"epoch_s_median={F(median)}", $"epoch_s_min={F(sorted[0])}", $"epoch_s_max={F(sorted[^1])}",
            $"batch_ms_median={F(1000 * median / batches)}", $"loss_last={F(loss)}",
            $"cpu_s_median={F(processorSorted[processorSorted.Length / 2])}", $"cpu_s_min={F(processorSorted[0])}",
            $"interf_max={interference.Max():F2}", $"waited_s={waited:F0}", $"rep_s={string.Join(',', seconds.Select(F))}",
            $"gemm=\"{MatrixProduct.BackendDescription}\""));
    }

    private static Fin<Objective<MlpEnergy>> Objective(string name, Mat data) => name switch
    {
        "dsm" => FinSucc(ScoreMatching.Denoising(MlpTraining.Derivatives, Seq1(NoiseScale))),
        "ml-langevin" => NoiseDistribution.FitBox(data).Map(box => LangevinLikelihood.Objective(MlpTraining.Derivatives, new LangevinSettings(box))),
        _ => FinFail<Objective<MlpEnergy>>(LanguageExt.Common.Error.New($"--objective {name}: expected dsm or ml-langevin")),
    };
}
