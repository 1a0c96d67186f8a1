using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The density of states g(E) of a model with a discrete energy spectrum by Wang-Landau sampling (Wang &amp; Landau 2001)
/// with the 1/t refinement (Belardinelli &amp; Pereyra 2007), from independent walkers whose spread gives the error bars.
/// </summary>
/// <remarks>
/// <para>A walker moves one unit at a time and accepts a move from energy E to E' with probability min(1, g(E) / g(E')),
/// so it spends equal time at every energy once g is right; after each trial ln g(E) += ln f at the current E. ln f
/// halves each time the histogram is flat and follows 1/t once it falls below (see <see cref="WangLandauSettings"/>);
/// the error of ln g then falls as 1 / sqrt(t) instead of saturating as plain halving does.</para>
/// <para>Spectra: the Ising lattice (bins of the integer bond and spin sums), Potts (bond matches and zeros) and clock
/// models with q in {2, 3, 4, 6} (twice the cosines are integers), all exact; any other binary
/// <see cref="IDiscreteModel"/> on the <see cref="EnergyGrid"/> of <see cref="WangLandauSettings.Grid"/>. With h != 0
/// a bin is a pair (bond sum, field sum), which multiplies the bins by about N.</para>
/// <para>Walker w runs on <c>key.FoldIn(w)</c> (its initial state from its child 0, its trials from child 1); each
/// walker's ln g is normalised so that sum_E g(E) = q^N, the number of states; the result's ln g is their mean,
/// normalised again, with the standard error of that mean. Same seed, same bits, for any thread count.</para>
/// <example><code>
/// Fin&lt;DensityOfStates&gt; dos = IsingModel.Create(8, 8, 1.0, 0.0, Boundary.Periodic).Match(
///     Succ: model => WangLandau.Run(RngKey.FromSeed(7), model, new WangLandauSettings { FinalLogF = 1e-6 }),
///     Fail: errors => FinFail&lt;DensityOfStates&gt;(errors.Head));
/// dos.Match(
///     Succ: g => Console.WriteLine($"ln g(-128) = {g.LogG[0]:F3} +- {g.LogGError[0]:F3}"),   // exact ln 2
///     Fail: e => Console.WriteLine(e.Message));
/// </code></example>
/// </remarks>
public static class WangLandau
{
    /// <summary>The <see cref="DensityOfStates.Method"/> of sampled densities.</summary>
    public const string MethodName = "wang-landau";

    /// <summary>Runs <see cref="WangLandauSettings.Walkers"/> walkers to the final ln f and combines them.</summary>
    /// <param name="key">The run's key; walker w uses <c>key.FoldIn(w)</c>.</param>
    /// <param name="model">An Ising, Potts or clock lattice, or a binary model with <see cref="WangLandauSettings.Grid"/>.</param>
    /// <param name="settings">Flatness, ln f schedule, walkers and limits.</param>
    /// <param name="progress">Receives the walkers' mean fraction of their expected trials (visited bins / final ln f), increasing, ending at 1; does not change the result.</param>
    public static Fin<DensityOfStates> Run(RngKey key, IEnergyModel model, WangLandauSettings settings, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        return from valid in settings.Validate().Match(FinSucc, errors => FinFail<WangLandauSettings>(Error.Many(errors)))
               from problem in WangLandauProblem.Of(model, valid)
               from runs in Walk(key, problem, valid, progress)
               select Merge(problem, runs);
    }

    private static Fin<Seq<WangLandauWalkerRun>> Walk(RngKey key, WangLandauProblem problem, WangLandauSettings settings, IProgress<double>? progress)
    {
        var runs = new Fin<WangLandauWalkerRun>[settings.Walkers];
        var fractions = new double[settings.Walkers];
        var gate = new object();
        var reported = 0.0;
        Batch.ForEachRow(settings.MaxDegreeOfParallelism, settings.Walkers, w =>
            runs[w] = problem.Walk(key.FoldIn(w), w, settings, fraction =>
            {
                if (progress is null) return;
                // One report at a time, under the lock, so the fractions arrive in increasing order.
                lock (gate)
                {
                    fractions[w] = fraction;
                    var mean = fractions.Average();
                    if (mean <= reported) return;
                    reported = mean;
                    progress.Report(mean);
                }
            }));
        progress?.Report(1.0);
        return runs.ToSeq().Sequence();
    }

    /// <summary>
    /// Walker <paramref name="walker"/> of <see cref="Run"/> on its own (key <c>key.FoldIn(walker)</c>): the walkers are
    /// independent, so they can run anywhere (one after another, or on the machines of a cluster) and
    /// <see cref="Combine"/> makes them into <see cref="Run"/>'s density, bit for bit.
    /// </summary>
    /// <param name="key">The run's key (not the walker's).</param>
    /// <param name="model">The model, as for <see cref="Run"/>.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="walker">The walker, 0 .. <see cref="WangLandauSettings.Walkers"/> - 1.</param>
    /// <param name="progress">Receives this walker's fraction of its expected trials, if given.</param>
    public static Fin<WangLandauWalker> RunWalker(RngKey key, IEnergyModel model, WangLandauSettings settings, int walker, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        return from valid in settings.Validate().Match(FinSucc, errors => FinFail<WangLandauSettings>(Error.Many(errors)))
               from index in walker >= 0 && walker < valid.Walkers
                   ? FinSucc(walker)
                   : FinFail<int>(WangLandauErrors.InvalidSetting("walker", $"must lie in 0..{valid.Walkers - 1}, got {walker}"))
               from problem in WangLandauProblem.Of(model, valid)
               from run in problem.Walk(key.FoldIn(index), index, valid, fraction => progress?.Report(fraction))
               select new WangLandauWalker(index, Vec.Of(run.LogG), run.Visited, run.Trials, run.LogF);
    }

    /// <summary>The density of states of <see cref="Run"/> from its walkers, given in order.</summary>
    /// <param name="model">The model the walkers ran on.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="walkers">Every walker of the run, once each, in order.</param>
    public static Fin<DensityOfStates> Combine(IEnergyModel model, WangLandauSettings settings, IReadOnlyList<WangLandauWalker> walkers)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(walkers);
        return from problem in WangLandauProblem.Of(model, settings)
               from runs in walkers.Count == settings.Walkers && walkers.Select((w, i) => w.Walker == i && w.LogG.Length == problem.Bins && w.Visited.Count == problem.Bins).All(ok => ok)
                   ? FinSucc(walkers.Select(w => new WangLandauWalkerRun(w.LogG.Span.ToArray(), [.. w.Visited], w.Trials, w.LogF)).ToSeq())
                   : FinFail<Seq<WangLandauWalkerRun>>(WangLandauErrors.InvalidSetting("walkers", $"must be the run's {settings.Walkers} walkers in order, each with {problem.Bins} bins"))
               select Merge(problem, runs);
    }

    private static DensityOfStates Merge(WangLandauProblem problem, Seq<WangLandauWalkerRun> runs)
    {
        var walkers = runs.Count;
        var listed = Enumerable.Range(0, problem.Bins).Where(bin => runs.Exists(r => r.Visited[bin]));
        var (energies, levelOfBin) = EnergyLevels.Group(problem.Bins, listed, problem.EnergyOf, problem.MergeTolerance);
        var levels = energies.Length;
        var perWalker = new double[walkers * levels];
        System.Array.Fill(perWalker, double.NegativeInfinity);
        var w = 0;
        foreach (var run in runs)
        {
            var row = perWalker.AsSpan(w * levels, levels);
            for (var bin = 0; bin < problem.Bins; bin++)
            {
                if (run.Visited[bin]) row[levelOfBin[bin]] = EnergyLevels.LogAddExp(row[levelOfBin[bin]], run.LogG[bin]);
            }

            EnergyLevels.Normalise(row, problem.LogStates);
            w++;
        }

        var logG = new double[levels];
        var errors = new double[levels];
        for (var k = 0; k < levels; k++)
        {
            var values = Enumerable.Range(0, walkers).Select(r => perWalker[r * levels + k]).Where(double.IsFinite).ToArray();
            logG[k] = values.Average();
            errors[k] = values.Length < 2 ? double.NaN : StandardError(values);
        }

        EnergyLevels.Normalise(logG, problem.LogStates);
        var sweeps = runs.Sum(r => r.Trials) / problem.Sites;
        return new DensityOfStates(MethodName, Vec.From(energies), Vec.From(logG), Vec.From(errors), problem.LogStates, walkers, sweeps,
            Some(Mat.From(walkers, levels, perWalker)));
    }

    /// <summary>The standard error of the mean of <paramref name="values"/> (sample standard deviation / sqrt n).</summary>
    internal static double StandardError(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean));
        return Math.Sqrt(squares / (values.Count - 1) / values.Count);
    }
}
