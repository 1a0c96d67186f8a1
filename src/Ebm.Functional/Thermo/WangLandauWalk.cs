using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>One walker's ln g per bin (0 for a bin never visited), which bins it visited, its trials and its last ln f.</summary>
internal sealed record WangLandauWalkerRun(double[] LogG, bool[] Visited, long Trials, double LogF);

/// <summary>
/// One Wang-Landau walker (Wang &amp; Landau 2001) with the 1/t refinement (Belardinelli &amp; Pereyra 2007), as
/// <see cref="WangLandauSettings"/> describes it.
/// </summary>
/// <remarks>
/// Trial j reads Philox block j of the walker's key: word 0 picks the unit, word 1 its new value, words 2 and 3 the
/// acceptance uniform, so a walker's path depends on its key alone. A move from bin a to bin b is accepted with
/// probability min(1, g(a) / g(b)); after each trial ln g and the histogram of the current bin grow by ln f and 1.
/// </remarks>
internal static class WangLandauWalk
{
    private const int Chunk = 1024;

    /// <summary>Runs the walker to the final ln f; <paramref name="report"/> receives its progress in [0, 1] at each check.</summary>
    public static Fin<WangLandauWalkerRun> Run<TMoves>(
        TMoves moves, RngKey key, int bins, int sites, WangLandauSettings settings, int walker, Action<double> report)
        where TMoves : struct, IWangLandauMoves
    {
        var logG = new double[bins];
        var histogram = new long[bins];
        var visited = new bool[bins];
        var visitedCount = 0;
        var logF = settings.InitialLogF;
        var final = settings.FinalLogF;
        var inverseTime = false;
        var checkTrials = (long)settings.CheckEverySweeps * sites;
        var maxTrials = settings.MaxSweeps > long.MaxValue / sites ? long.MaxValue : settings.MaxSweeps * sites;
        var nextCheck = checkTrials;
        var words = new uint[4 * Chunk];
        var bin = moves.Bin;
        long trials = 0;
        while (true)
        {
            BulkDraws.Words(key, trials, words);
            for (var i = 0; i < 4 * Chunk; i += 4)
            {
                var proposed = moves.Propose(words[i], words[i + 1]);
                if (proposed < 0) return moves.OffGrid();
                var delta = logG[bin] - logG[proposed];
                if (delta >= 0 || RngKey.ToUnit(words[i + 2], words[i + 3]) < Math.Exp(delta))
                {
                    moves.Accept();
                    bin = proposed;
                }

                logG[bin] += logF;
                histogram[bin]++;
                if (!visited[bin])
                {
                    visited[bin] = true;
                    visitedCount++;
                }

                trials++;
                if (inverseTime)
                {
                    logF = visitedCount / (double)trials;
                    if (logF <= final) return new WangLandauWalkerRun(logG, visited, trials, logF);
                }

                if (trials != nextCheck) continue;
                nextCheck += checkTrials;
                if (!inverseTime && Flat(histogram, visited, settings.Flatness))
                {
                    logF /= 2;
                    Array.Clear(histogram);
                    var time = visitedCount / (double)trials;
                    if (logF <= time)
                    {
                        inverseTime = true;
                        logF = time;
                    }

                    if (logF <= final) return new WangLandauWalkerRun(logG, visited, trials, logF);
                }

                // A walker stops once ln f = visited / trials reaches the final ln f, after about visited / final trials: the
                // fraction of those done grows in proportion to the time spent, unlike ln f itself, which halves quickly first.
                report(Math.Min(1.0, trials * final / visitedCount));
                if (trials >= maxTrials) return WangLandauErrors.NotConverged(walker, settings.MaxSweeps, logF);
            }
        }
    }

    /// <summary>Least count over the visited bins at least <paramref name="flatness"/> times their mean.</summary>
    private static bool Flat(long[] histogram, bool[] visited, double flatness)
    {
        long least = long.MaxValue, total = 0, count = 0;
        for (var b = 0; b < histogram.Length; b++)
        {
            if (!visited[b]) continue;
            least = Math.Min(least, histogram[b]);
            total += histogram[b];
            count++;
        }

        return count > 0 && least >= flatness * total / count;
    }
}
