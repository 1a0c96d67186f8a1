using System.Diagnostics;
using System.Globalization;
using Ebm.Functional.Data;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// The peers' W1 workload through the library's real training path: one epoch of CD-1 or PCD-1 (100 persistent chains)
/// on a 784 x 500 Bernoulli RBM, the 10,000 blob images (<see cref="BlobImages"/>, the peers' data bit for bit), batch
/// 100, plain SGD with learning rate 0.05, from the peers' "random" model (<see cref="ReferenceRbms.Random"/>):
/// <see cref="Trainer{TModel}.Epoch"/> with <see cref="Optimizers.Sgd"/>, float64 or float32 products.
/// </summary>
/// <remarks>
/// Prints one key=value line in the format of the peers' <c>w1_rbm_*.py</c>, for runs interleaved with them
/// (<c>scripts/w1_interleaved.sh</c>). Like the peers, each repetition starts from the same model and key, waits until
/// the other processes on the machine use less than 15 % of it (at most 60 s), and reports the share of the machine
/// they took while it ran (<c>interf_max</c>). Unlike the peers, the epoch visits the data in the trainer's shuffled
/// order (the shuffle is part of the timed path). Beside the wall-clock figures it gives the CPU seconds of this process per
/// epoch (<c>cpu_s_*</c>, all threads), the measure that other jobs on a shared machine disturb least; with one thread
/// (<c>--threads 1</c>, <c>OPENBLAS_NUM_THREADS=1</c>) it is the work of the epoch.
/// </remarks>
public static class RbmTrainingBenchmarks
{
    private const int Batch = 100;
    private const double LearningRate = 0.05;
    private const double GigaflopPerEpoch = 5 * 2.0 * Batch * 784 * 500 * 100 / 1e9;

    /// <summary>Times <paramref name="repetitions"/> epochs after an untimed one and writes the key=value line.</summary>
    /// <param name="output">Where the line goes.</param>
    /// <param name="algorithm">"cd1" or "pcd1".</param>
    /// <param name="single">True for float32 products.</param>
    /// <param name="repetitions">Timed epochs.</param>
    /// <param name="threads">The objective's degree of parallelism for its per-row work (-1: no limit).</param>
    public static void RunStopwatch(TextWriter output, string algorithm, bool single, int repetitions, int threads = -1)
    {
        var data = BlobImages.Generate();
        var start = ReferenceRbms.Random();
        var precision = single ? ProductPrecision.Single : ProductPrecision.Double;
        var objective = algorithm == "pcd1"
            ? RbmTraining.PersistentContrastiveDivergence(Batch, 1, precision, threads)
            : RbmTraining.ContrastiveDivergence(1, precision, threads);
        var sgd = Optimizers.Sgd(LearningRate).Match(Succ: t => t, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, sgd);
        var initial = trainer.Init(RngKey.FromSeed(1), start).Match(Succ: s => s, Fail: e => throw new InvalidOperationException(e.Message));
        TrainState<BernoulliRbm> Epoch() => trainer.Epoch(initial, data, Batch).Match(Succ: r => r.State, Fail: e => throw new InvalidOperationException(e.Message));

        var final = Epoch();
        var (seconds, processorSeconds, interference, waited) = (new List<double>(), new List<double>(), new List<double>(), 0.0);
        for (var r = 0; r < repetitions; r++)
        {
            waited += Interference.WaitQuiet();
            var meter = Interference.Start();
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            final = Epoch();
            seconds.Add(clock.Elapsed.TotalSeconds);
            processorSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds);
            interference.Add(meter.ForeignShare(clock.Elapsed.TotalSeconds));
        }

        var objectiveSeconds = ObjectiveSeconds(objective, initial, data);
        var productSeconds = single ? ProductSeconds<float>(0, threads) : ProductSeconds<double>(0, threads);
        // The products as the kernel runs them with OpenBLAS: one piece per worker, OpenBLAS on one thread.
        var pieces = MatrixProduct.Backend is OpenBlasGemm ? (int.TryParse(Environment.GetEnvironmentVariable("EBM_PIECES"), out var pp) ? pp : -1) : 0;
        var piecedSeconds = pieces == 0 ? productSeconds : single ? ProductSeconds<float>(pieces, threads) : ProductSeconds<double>(pieces, threads);
        var floorSeconds = Math.Min(productSeconds, piecedSeconds);
        var sorted = seconds.Order().ToArray();
        var processorSorted = processorSeconds.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var invariant = CultureInfo.InvariantCulture;
        string F(double x) => x.ToString("G4", invariant);
        output.WriteLine(string.Join(' ',
            "workload=W1", "impl=ebm-csharp", $"algo={algorithm}", single ? "dtype=f32" : "dtype=f64", $"reps={repetitions}", $"threads={threads}",
            $"epoch_s_median={F(median)}", $"epoch_s_min={F(sorted[0])}", $"epoch_s_max={F(sorted[^1])}",
            $"gemm_gflops_eff={F(GigaflopPerEpoch / median)}", $"objective_s_per_epoch={F(objectiveSeconds)}",
            $"gemm5_s_per_epoch={F(productSeconds)}", $"epoch_over_gemm5={F(median / productSeconds)}",
            $"gemm5_pieces_s_per_epoch={F(piecedSeconds)}", $"floor_s_per_epoch={F(floorSeconds)}", $"epoch_over_floor={F(median / floorSeconds)}",
            $"recon_mse_1k={F(ReconstructionError(final.Model, data))}", $"w_fro={F(Frobenius(final.Model.Weights.Span))}",
            $"cpu_s_median={F(processorSorted[processorSorted.Length / 2])}", $"cpu_s_min={F(processorSorted[0])}",
            $"interf_max={interference.Max():F2}", $"waited_s={waited:F0}", $"rep_s={string.Join(',', seconds.Select(F))}",
            $"gemm=\"{MatrixProduct.BackendDescription}\""));
    }

    /// <summary>
    /// 100 times the least time of one objective step alone (the first minibatch, 20 tries): the epoch's time less this
    /// is what the trainer, the optimizer and the shuffle add.
    /// </summary>
    private static double ObjectiveSeconds(Objective<BernoulliRbm> objective, TrainState<BernoulliRbm> state, Mat data)
    {
        var batch = Mat.From(Batch, data.Columns, data.Span[..(Batch * data.Columns)]);
        var best = double.MaxValue;
        for (var t = 0; t < 20; t++)
        {
            var clock = Stopwatch.StartNew();
            objective.Step(state.Key.FoldIn(t), state.Model, state.Chains, batch).IfFail(e => throw new InvalidOperationException(e.Message));
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return 100 * best;
    }

    /// <summary>
    /// 100 times the least time (20 tries) of the five products of one CD-1 update through the backend in use, at the
    /// precision measured: V W, H Wᵀ, V W and the two Vᵀ P of 100 x 784 x 500. With <paramref name="pieces"/> 0, each
    /// product is one call (OpenBLAS on its own threads); otherwise each is cut into that many pieces run on
    /// <paramref name="threads"/> threads with OpenBLAS on one thread, as the training kernel runs them. The faster of the
    /// two is the measured GEMM floor of an epoch.
    /// </summary>
    private static double ProductSeconds<T>(int pieces, int threads)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        const int n = Batch, nv = 784, nh = 500;
        var (v, h, w, p, vField, g) = (new T[n * nv], new T[n * nh], new T[nv * nh], new T[n * nh], new T[n * nv], new T[nv * nh]);
        for (var i = 0; i < v.Length; i++) v[i] = T.CreateTruncating(i % 3 == 0 ? 1 : 0);
        for (var i = 0; i < h.Length; i++) h[i] = T.CreateTruncating(i % 2);
        for (var i = 0; i < w.Length; i++) w[i] = T.CreateTruncating(0.01 * (i % 7 - 3));
        var best = double.MaxValue;
        using var oneThread = pieces != 0 ? (MatrixProduct.Backend as OpenBlasGemm)?.UseOneThread() : null;
        void Product(bool transposeA, bool transposeB, int m, int columns, int k, T[] a, int lda, T[] b, int ldb, T beta, T[] c, int ldc)
        {
            if (pieces < 0) GemmPieces.Gemm(threads, transposeA, transposeB, m, columns, k, T.One, a, lda, b, ldb, beta, c, ldc);
            else if (pieces > 0) GemmPieces.Gemm(pieces, threads, transposeA, transposeB, m, columns, k, T.One, a, lda, b, ldb, beta, c, ldc);
            else Gemm(transposeA, transposeB, m, columns, k, a, lda, b, ldb, beta, c, ldc);
        }

        for (var t = 0; t < 20; t++)
        {
            var clock = Stopwatch.StartNew();
            Product(false, false, n, nh, nv, v, nv, w, nh, T.Zero, p, nh);
            Product(false, true, n, nv, nh, h, nh, w, nh, T.Zero, vField, nv);
            Product(false, false, n, nh, nv, v, nv, w, nh, T.Zero, p, nh);
            Product(true, false, nv, nh, n, v, nv, p, nh, T.Zero, g, nh);
            Product(true, false, nv, nh, n, v, nv, p, nh, T.One, g, nh);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return 100 * best;
    }

    private static void Gemm<T>(bool transposeA, bool transposeB, int m, int n, int k, T[] a, int lda, T[] b, int ldb, T beta, T[] c, int ldc)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (a is double[] ad && b is double[] bd && c is double[] cd)
            MatrixProduct.Gemm(transposeA, transposeB, m, n, k, 1.0, ad, lda, bd, ldb, double.CreateTruncating(beta), cd, ldc);
        else if (a is float[] af && b is float[] bf && c is float[] cf)
            MatrixProduct.Gemm(transposeA, transposeB, m, n, k, 1f, af, lda, bf, ldb, float.CreateTruncating(beta), cf, ldc);
    }

    /// <summary>The peers' sanity check: mean-field reconstruction mean squared error on the first 1,000 images.</summary>
    private static double ReconstructionError(BernoulliRbm model, Mat data)
    {
        var first = Mat.From(1000, data.Columns, data.Span[..(1000 * data.Columns)]);
        var reconstruction = model.VisibleProbabilities(model.HiddenProbabilities(first, 1.0), 1.0);
        var sum = 0.0;
        for (var i = 0; i < first.Span.Length; i++) sum += (first.Span[i] - reconstruction.Span[i]) * (first.Span[i] - reconstruction.Span[i]);
        return sum / first.Span.Length;
    }

    private static double Frobenius(ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        foreach (var w in weights) sum += w * w;
        return Math.Sqrt(sum);
    }
}
