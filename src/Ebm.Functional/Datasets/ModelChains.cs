using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>The Markov-chain path of <see cref="ModelSamples"/>: pilot stretches until 20 tau fit in one, then draws every ceil(2 tau) sweeps.</summary>
internal static class ModelChains
{
    private const double StretchInTaus = 20.0;

    public static Fin<ModelSampleRun> Run<TState, TInfo>(
        RngKey key, IDiscreteModel model, double beta, int count, ModelSampleSettings settings,
        Func<Mat, TState> init, KernelStep<TState, TInfo> sweep, Func<TState, Mat> states, Func<TState, Vec> energies)
    {
        var chains = Math.Min(settings.Chains, Math.Max(count, 1));
        var state = init(ExactDraws.Uniform(key.FoldIn(0), chains, model.Dimension, model.States));
        var stretch = settings.PilotSweeps;
        var swept = 0;
        double tau;
        for (var round = 0; ; round++)
        {
            var (next, trace) = Loop.Scan(key.FoldIn(1).FoldIn(round), state, stretch, sweep, (s, _) => (energies(s), Sums(states(s))));
            state = next;
            swept += stretch;
            tau = Math.Max(Tau(trace, chains, t => t.Item1), Tau(trace, chains, t => t.Item2));
            if (stretch >= StretchInTaus * tau) break;
            if (swept + 2L * stretch > settings.MaxSweeps) return FinFail<ModelSampleRun>(DatasetErrors.NotMixing(model.Kind, beta, swept, tau));
            stretch *= 2;
        }

        var thinning = (int)Math.Ceiling(2.0 * tau);
        var perChain = (count + chains - 1) / chains;
        var rows = new double[(long)count * model.Dimension];
        var n = model.Dimension;
        for (var k = 0; k < perChain; k++)
        {
            state = Loop.Run(key.FoldIn(2).FoldIn(k), state, thinning, sweep);
            var drawn = states(state).Span;
            var take = Math.Min(chains, count - k * chains);
            drawn[..(take * n)].CopyTo(rows.AsSpan(k * chains * n));
        }

        return FinSucc(new ModelSampleRun(Mat.From(count, n, rows), Exact: false, chains, swept, thinning, tau));
    }

    private static Vec Sums(Mat states) => Vec.Create(states.Rows, d =>
    {
        for (var c = 0; c < d.Length; c++)
        {
            var sum = 0.0;
            foreach (var x in states.Row(c)) sum += x;
            d[c] = sum;
        }
    });

    /// <summary>
    /// tau of one observable traced over the chains (chains x sweeps); an observable that never changes says nothing
    /// about mixing and counts as tau = 1.
    /// </summary>
    private static double Tau((Vec, Vec)[] trace, int chains, Func<(Vec, Vec), Vec> observable)
    {
        var draws = Mat.Create(chains, trace.Length, d =>
        {
            for (var t = 0; t < trace.Length; t++)
            {
                var values = observable(trace[t]).Span;
                for (var c = 0; c < chains; c++) d[c * trace.Length + t] = values[c];
            }
        });
        return IntegratedAutocorrelationTime.OfDraws(draws).Match(Succ: tau => double.IsFinite(tau) ? Math.Max(tau, 1.0) : double.PositiveInfinity, Fail: _ => 1.0);
    }
}
