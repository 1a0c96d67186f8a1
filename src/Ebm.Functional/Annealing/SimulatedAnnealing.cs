using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Simulated annealing (Kirkpatrick, Gelatt and Vecchi 1983): a Markov kernel run once per sweep at the falling
/// temperatures of a <see cref="CoolingSchedule"/>, keeping the lowest-energy state seen, as a global minimiser of
/// E(x) over the states of a discrete model.
/// </summary>
/// <remarks>
/// <para>At a fixed beta the kernel leaves p_beta(x) ∝ exp(-beta E(x)) invariant; as beta grows p_beta concentrates
/// on the ground states, and a slow enough schedule follows it there. The run is a pure pipeline: restart r starts
/// from a uniformly random state drawn from key.FoldIn(r).Split().Left and runs sweep k with
/// key.FoldIn(r).Split().Right.FoldIn(k), so each restart's path, and the whole result, is the same bits for any
/// number of threads and any number of other restarts.</para>
/// <para>The best state is tracked on the kernel's cached energies after every sweep (and the start), then its
/// energy is recomputed from the state; see <see cref="SaResult"/>. Success against a known ground state and the
/// time to solution are in <see cref="SaSuccess"/>.</para>
/// <example><code>
/// var outcome =
///     from model in SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(7), spins: 16)
///     from schedule in CoolingSchedule.Geometric(t0: 3, t1: 0.05, sweeps: 500)
///     from result in SimulatedAnnealing.Run(RngKey.FromSeed(1), model, SaKernels.Metropolis(model), schedule, new SaSettings(Restarts: 20))
///     select result;
/// outcome.Match(Succ: r =&gt; Console.WriteLine($"best E = {r.BestEnergy}"), Fail: errors =&gt; Console.WriteLine(errors.Head));
/// </code></example>
/// </remarks>
public static class SimulatedAnnealing
{
    private const int ProgressReports = 200;

    /// <summary>Runs <see cref="SaSettings.Restarts"/> annealing runs of <paramref name="kernel"/> over <paramref name="schedule"/>.</summary>
    /// <param name="key">The root key of the run.</param>
    /// <param name="model">The model whose energy is minimised (its <see cref="IDiscreteModel.Energy"/> is the exact E).</param>
    /// <param name="kernel">The kernel at each temperature, over <paramref name="model"/>.</param>
    /// <param name="schedule">The inverse temperature of every sweep.</param>
    /// <param name="settings">Restarts, threads and the trace's length.</param>
    /// <param name="progress">Receives the fraction of all sweeps done.</param>
    /// <returns>The result, or the settings' problems (<see cref="SimulatedAnnealingErrors.InvalidSettings"/>).</returns>
    public static Validation<Error, SaResult> Run<TState, TInfo>(
        RngKey key, IDiscreteModel model, SaKernel<TState, TInfo> kernel, CoolingSchedule schedule, SaSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Validate().Map(valid => RunValid(key, k => RandomState(k, model), state => model.Energy(state), kernel, schedule, valid, progress));
    }

    /// <summary>
    /// Anneals a categorical model (q-state Potts or clock): as the binary overload, each restart starting from units
    /// drawn uniformly from 0..q-1 (draw i for unit i) and the best state's energy recomputed by <see cref="ICategoricalModel.Energy"/>.
    /// </summary>
    /// <param name="key">The root key of the run.</param>
    /// <param name="model">The model whose energy is minimised.</param>
    /// <param name="kernel">The kernel at each temperature, over <paramref name="model"/> (for lattices, <see cref="SaKernels.HeatBath(ICategoricalModel)"/>).</param>
    /// <param name="schedule">The inverse temperature of every sweep.</param>
    /// <param name="settings">Restarts, threads and the trace's length.</param>
    /// <param name="progress">Receives the fraction of all sweeps done.</param>
    /// <returns>The result, or the settings' problems (<see cref="SimulatedAnnealingErrors.InvalidSettings"/>).</returns>
    public static Validation<Error, SaResult> Run<TState, TInfo>(
        RngKey key, ICategoricalModel model, SaKernel<TState, TInfo> kernel, CoolingSchedule schedule, SaSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Validate().Map(valid => RunValid(key, k => CategoricalDraws.Uniform(k, model, 1), state => model.Energy(state), kernel, schedule, valid, progress));
    }

    private static SaResult RunValid<TState, TInfo>(
        RngKey key, Func<RngKey, Mat> startState, Func<double[], double> energy, SaKernel<TState, TInfo> kernel, CoolingSchedule schedule, SaSettings settings, IProgress<double>? progress)
    {
        var sweeps = schedule.Sweeps;
        var restarts = settings.Restarts;
        var traceSweeps = settings.TraceSweeps(sweeps);
        var stride = settings.TraceStride(sweeps);
        var runs = new RestartRun[restarts];
        var counter = new ProgressCounter(progress, (long)restarts * sweeps);
        Batch.ForEachRow(settings.MaxDegreeOfParallelism, restarts, r =>
            runs[r] = RunRestart(key.FoldIn(r), startState, energy, kernel, schedule.Betas, stride, traceSweeps.Length, counter));

        var best = 0;
        for (var r = 1; r < restarts; r++)
            if (runs[r].BestEnergy < runs[best].BestEnergy) best = r;
        var trace = Mat.Create(restarts, traceSweeps.Length, d =>
        {
            for (var r = 0; r < restarts; r++) runs[r].Trace.CopyTo(d.Slice(r * traceSweeps.Length, traceSweeps.Length));
        });
        return new SaResult(
            kernel.Name,
            schedule,
            runs[best].BestEnergy,
            Vec.Of(runs[best].BestState),
            best,
            runs[best].BestSweep,
            Vec.Create(restarts, d =>
            {
                for (var r = 0; r < restarts; r++) d[r] = runs[r].BestEnergy;
            }),
            Vec.Create(restarts, d =>
            {
                for (var r = 0; r < restarts; r++) d[r] = runs[r].FinalEnergy;
            }),
            traceSweeps,
            trace);
    }

    private static RestartRun RunRestart<TState, TInfo>(
        RngKey restartKey, Func<RngKey, Mat> startState, Func<double[], double> exactEnergy, SaKernel<TState, TInfo> kernel, Vec betas, int stride, int tracePoints,
        ProgressCounter counter)
    {
        var (startKey, runKey) = restartKey.Split();
        var start = startState(startKey);
        var state = kernel.Init(start);
        var bestState = start.Row(0).ToArray();
        var bestCached = kernel.Energies(state)[0];
        var bestSweep = 0;
        var trace = new double[tracePoints];
        // A step is built per sweep rather than once per run: building one is cheap beside a sweep, and a table of one step
        // per sweep would grow with the schedule (millions of sweeps).
        for (var k = 0; k < betas.Length; k++)
        {
            state = kernel.AtBeta(betas[k])(runKey.FoldIn(k), state).State;
            var energy = kernel.Energies(state)[0];
            if (energy < bestCached)
            {
                bestCached = energy;
                bestSweep = k + 1;
                bestState = kernel.States(state).Row(0).ToArray();
            }

            if ((k + 1) % stride == 0 || k == betas.Length - 1) trace[k / stride] = energy;
            counter.Advance();
        }

        var final = kernel.States(state).Row(0).ToArray();
        return new RestartRun(exactEnergy(bestState), bestState, bestSweep, exactEnergy(final), trace);
    }

    /// <summary>One state with each unit low or high with probability 1/2 (draw i for unit i).</summary>
    private static Mat RandomState(RngKey key, IDiscreteModel model)
    {
        var low = model.States == StateConvention.Binary ? 0.0 : -1.0;
        return Mat.Create(1, model.Dimension, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.5 ? low : 1.0;
        });
    }

    private sealed record RestartRun(double BestEnergy, double[] BestState, int BestSweep, double FinalEnergy, double[] Trace);

    /// <summary>Counts sweeps over all threads and reports the fraction done at most a few hundred times, in increasing order.</summary>
    private sealed class ProgressCounter(IProgress<double>? progress, long total)
    {
        private readonly object _gate = new();
        private readonly long _every = Math.Max(1, total / ProgressReports);
        private long _done;

        public void Advance()
        {
            if (progress is null) return;
            // Counting and reporting under one lock keeps the reported fractions in increasing order.
            lock (_gate)
            {
                _done++;
                if (_done % _every == 0 || _done == total) progress.Report((double)_done / total);
            }
        }
    }
}
