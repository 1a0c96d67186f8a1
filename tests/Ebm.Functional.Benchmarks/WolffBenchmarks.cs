using System.Diagnostics;
using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// Wolff cluster moves on the L = 64 periodic lattice at beta_c = ln(1 + sqrt 2) / 2: independent samples per
/// second, that is Wolff steps per second divided by the integrated autocorrelation time of |m| measured on
/// the same run (8 chains), beside checkerboard Metropolis sweeps measured the same way.
/// </summary>
public static class WolffBenchmarks
{
    private const int Side = 64;
    private const int Chains = 8;

    /// <summary>Runs both kernels for <paramref name="steps"/> kept steps after a burn-in and prints key=value lines.</summary>
    public static void RunStopwatch(TextWriter output, int steps)
    {
        var model = IsingModel.Create(Side, Side, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var beta = Onsager.CriticalBeta(1.0);
        var wolff = Wolff.Create(model, beta).Match(s => s, e => throw new InvalidOperationException(e.Message));
        Report(output, "wolff", wolff, model, beta, steps);
        Report(output, "checkerboard", Checkerboard.Create(model, beta, CheckerboardUpdate.Metropolis), model, beta, steps);
    }

    private static void Report<TInfo>(TextWriter output, string name, Sampler<Mat, IsingChains, TInfo> sampler, IsingModel model, double beta, int steps)
    {
        var start = Mat.Create(Chains, model.Dimension, d =>
        {
            var key = RngKey.FromSeed(7);
            for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? -1.0 : 1.0;
        });
        var state = Loop.Run(RngKey.FromSeed(8), sampler.Init(start), steps / 5, sampler.Step);
        var watch = Stopwatch.StartNew();
        var (_, trace) = Loop.Scan(RngKey.FromSeed(9), state, steps, sampler.Step,
            (s, _) => Enumerable.Range(0, Chains).Select(c => Math.Abs(s.Magnetisations[c]) / (double)model.Dimension).ToArray());
        var seconds = watch.Elapsed.TotalSeconds;
        var draws = Mat.Create(Chains, steps, d =>
        {
            for (var t = 0; t < steps; t++)
            for (var c = 0; c < Chains; c++) d[c * steps + t] = trace[t][c];
        });
        var tau = IntegratedAutocorrelationTime.OfDraws(draws).Match(x => x, _ => double.NaN);
        var stepsPerSecond = Chains * (double)steps / seconds;
        output.WriteLine(
            $"workload=W3-critical impl=ebm-{name} L={Side} beta={beta:F6} chains={Chains} steps={steps} seconds={seconds:F3} " +
            $"steps_per_s={stepsPerSecond:E3} tau_abs_m={tau:F2} independent_samples_per_s={stepsPerSecond / tau:E3} mean_abs_m={draws.Span.ToArray().Average():F4}");
    }
}
