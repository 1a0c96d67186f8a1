using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Ebm.Functional.Shell.Backends;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// Runs the library's BenchmarkDotNet benchmarks, chosen with the usual switches:
/// <c>dotnet run -c Release --project tests/Ebm.Functional.Benchmarks -- --filter '*MatrixProduct*'</c>.
/// </summary>
/// <remarks>
/// <c>--quick</c> (ours, removed before BenchmarkDotNet sees the arguments) runs one launch with one
/// warm-up and three measured iterations: enough for a figure on a busy two-core machine in about a
/// minute per benchmark class. BenchmarkDotNet's own <c>--job short</c> is the next step up.
/// <c>--rbm-stopwatch [REPS] [--784x25]</c> times the exact RBM log Z with a stopwatch and prints
/// key=value lines in the peer scripts' format, so the two can be run alternately in one session;
/// <c>--ising-stopwatch</c> does the same for checkerboard sweeps of the L = 256 torus (W3),
/// <c>--multispin-stopwatch [--sweeps 1000] [--reps 5] [--threads -1]</c> for multi-spin coded sweeps of it (W3), and
/// <c>--rbm-gibbs-stopwatch</c> for block-Gibbs sweeps of a 784 x 500 RBM with 100 chains (W1's sampling part),
/// <c>--wolff-stopwatch</c> for independent samples per second of Wolff and checkerboard at L = 64, beta_c;
/// <c>--ais-stopwatch [--model random|small20] [--K 1000] [--M 100] [--reps 3] [--threads -1] [--dtype f64|f32]</c> for AIS on the
/// base-rate RBM path (W2), with the peers' w2_ais.py options; <c>--write-w2 DIR</c> writes W2's model and data files for
/// <c>ebm logz</c> (scripts/w2_cluster.sh times them locally and on clusters of worker processes);
/// <c>--rbm-train-stopwatch [--algo cd1|pcd1] [--dtype f64|f32] [--reps 5] [--threads -1]</c> for one training epoch of the 784 x 500 RBM
/// through the trainer (W1), with the peers' w1_rbm_numpy.py options;
/// <c>--mlp-train-stopwatch [--objective dsm|ml-langevin] [--dtype f64] [--reps 3] [--threads -1]</c> for one training epoch
/// of a 2 x 64 softplus MLP energy on 100,000 two-moons points (W11), with the options of scripts/w11_mlp_torch.py
/// (float64 only: the MLP passes are in double precision);
/// <c>--anneal-stopwatch [--spins 64] [--sweeps 500] [--restarts 200] [--reps 3] [--threads -1] [--order random|systematic] [--kernel fields|plain] [--target E] [--instance J.txt]</c> for
/// simulated annealing's time to solution on an SK instance, beside scripts/anneal_sk_numpy.py (see <see cref="AnnealBenchmarks"/>).
/// </remarks>
public static class Program
{
    private const string QuickSwitch = "--quick";
    private const string StopwatchSwitch = "--rbm-stopwatch";
    private const string IsingStopwatchSwitch = "--ising-stopwatch";
    private const string MultiSpinStopwatchSwitch = "--multispin-stopwatch";
    private const string RbmGibbsStopwatchSwitch = "--rbm-gibbs-stopwatch";
    private const string WolffStopwatchSwitch = "--wolff-stopwatch";
    private const string AisStopwatchSwitch = "--ais-stopwatch";
    private const string TrainStopwatchSwitch = "--rbm-train-stopwatch";
    private const string MlpTrainStopwatchSwitch = "--mlp-train-stopwatch";
    private const string AnnealStopwatchSwitch = "--anneal-stopwatch";

    /// <summary>Runs the benchmarks that the arguments select; exit code 1 when a benchmark failed to run.</summary>
    public static int Main(string[] args)
    {
        // As ebm does: EBM_GEMM and EBM_OPENBLAS_CORETYPE choose the matrix-product backend before the first product.
        MatrixProductSetup.FromEnvironment();
        if (args.Contains(RbmGibbsStopwatchSwitch))
        {
            RbmGibbsBenchmarks.RunStopwatch(Console.Out);
            return 0;
        }

        string Value(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        if (args.Contains(TrainStopwatchSwitch))
        {
            RbmTrainingBenchmarks.RunStopwatch(Console.Out, Value("--algo", "cd1"), Value("--dtype", "f64") == "f32", int.Parse(Value("--reps", "5")), int.Parse(Value("--threads", "-1")));
            return 0;
        }

        if (args.Contains(AnnealStopwatchSwitch))
        {
            var target = Value("--target", "");
            AnnealBenchmarks.RunStopwatch(
                Console.Out, int.Parse(Value("--spins", "64")), int.Parse(Value("--sweeps", "500")), int.Parse(Value("--restarts", "200")),
                int.Parse(Value("--reps", "3")), int.Parse(Value("--threads", "-1")),
                Value("--order", "random") == "systematic" ? Mcmc.Metropolis.ScanOrder.Systematic : Mcmc.Metropolis.ScanOrder.Random,
                Value("--kernel", "fields") != "plain",
                target.Length == 0 ? null : double.Parse(target, System.Globalization.CultureInfo.InvariantCulture), Value("--instance", "") is { Length: > 0 } file ? file : null);
            return 0;
        }

        if (args.Contains(MlpTrainStopwatchSwitch))
        {
            if (Value("--dtype", "f64") != "f64")
            {
                Console.Error.WriteLine("--mlp-train-stopwatch: the MLP passes are float64 only; use --dtype f64");
                return 2;
            }

            MlpTrainingBenchmarks.RunStopwatch(Console.Out, Value("--objective", "dsm"), int.Parse(Value("--reps", "3")), int.Parse(Value("--threads", "-1")));
            return 0;
        }

        if (args.Contains("--write-w2"))
        {
            ClusterBenchmarks.WriteW2(Console.Out, Value("--write-w2", "."));
            return 0;
        }

        if (args.Contains(AisStopwatchSwitch))
        {
            AisBenchmarks.RunStopwatch(
                Console.Out, Value("--model", "random"), int.Parse(Value("--K", "1000")), int.Parse(Value("--M", "100")),
                int.Parse(Value("--reps", "3")), int.Parse(Value("--threads", "-1")), Value("--dtype", "f64") == "f32");
            return 0;
        }

        if (args.Contains(WolffStopwatchSwitch))
        {
            WolffBenchmarks.RunStopwatch(Console.Out, 4000);
            return 0;
        }

        if (args.Contains(MultiSpinStopwatchSwitch))
        {
            IsingBenchmarks.RunMultiSpinStopwatch(Console.Out, int.Parse(Value("--sweeps", "1000")), int.Parse(Value("--reps", "5")), int.Parse(Value("--threads", "-1")));
            return 0;
        }

        if (args.Contains(IsingStopwatchSwitch))
        {
            IsingBenchmarks.RunStopwatch(Console.Out, 100);
            return 0;
        }

        var stopwatchAt = Array.IndexOf(args, StopwatchSwitch);
        if (stopwatchAt >= 0)
        {
            var repetitions = stopwatchAt + 1 < args.Length && int.TryParse(args[stopwatchAt + 1], out var r) ? r : 5;
            RbmExactBenchmarks.RunStopwatch(Console.Out, repetitions, args.Contains("--784x25"));
            return 0;
        }

        var quick = args.Contains(QuickSwitch);
        var config = quick ? QuickConfig() : null;
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args.Where(a => a != QuickSwitch).ToArray(), config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static IConfig QuickConfig() =>
        DefaultConfig.Instance.AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithId("Quick"));
}
