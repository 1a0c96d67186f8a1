using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using MathNet.Numerics.Distributions;
using static LanguageExt.Prelude;
using static System.FormattableString;

namespace Ebm.Functional.Testing;

/// <summary>
/// Does a sampler's step draw from its transition matrix? n chains all start in state x and take one step; the
/// next states' counts are compared with row x of the exact matrix by Pearson's chi-square test at a stated delta.
/// </summary>
/// <remarks>
/// <para>Under the null hypothesis (the step draws from the row) X^2 = sum (O - E)^2 / E is asymptotically
/// chi-square on cells - 1 degrees of freedom (Pearson 1900), so rejecting above the 1 - delta quantile fails a
/// correct kernel with probability delta. The limit is trusted when every expected count is at least 5 (Cochran
/// 1954): states below that are pooled into one cell, and a pool still below 5 joins the smallest other cell.
/// A state of probability 0 that is drawn at all fails the test outright.</para>
/// <para>Choose delta for the whole suite: with m such tests, m delta bounds the chance of any false failure
/// (1e-6 per test is common). The power grows with n: a cell whose probability is off by e is detected once
/// n e^2 / p is well above the critical value.</para>
/// </remarks>
public static class OneStepFrequencies
{
    /// <summary>The least expected count of a cell that is not pooled.</summary>
    public const double MinimumExpectedCount = 5.0;

    /// <summary>
    /// One step of <paramref name="step"/> from <paramref name="draws"/> copies of state <paramref name="start"/>
    /// (index x = sum_i 2^i [unit i high]) under <paramref name="key"/>, its next states tested against <paramref name="row"/>.
    /// </summary>
    public static Fin<FrequencyTest> OfKernel<TInfo>(
        RngKey key, KernelStep<DiscreteChains, TInfo> step, IDiscreteModel model, int start, int draws, ReadOnlySpan<double> row, double delta)
    {
        var n = model.Dimension;
        if (n > 30) return FinFail<FrequencyTest>(TestingErrors.TooLarge(model.ToString() ?? "the model", $"{n} units", "state indices have at most 30 bits"));
        if (start < 0 || start >= 1 << n) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("start", Invariant($"{start} is not a state index in [0, 2^{n})")));
        if (row.Length != 1 << n) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("row", Invariant($"{row.Length} entries for 2^{n} states")));
        if (draws < 1) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("draws", Invariant($"{draws} is not a positive number of draws")));
        var state = TransitionMatrices.StateOf(start, n, model.States);
        var states = Mat.Create(draws, n, d =>
        {
            for (var c = 0; c < draws; c++) state.Span.CopyTo(d.Slice(c * n, n));
        });
        var (next, _) = step(key, new DiscreteChains(states, model.Energies(states)));
        var counts = new long[row.Length];
        for (var c = 0; c < next.Chains; c++)
        {
            var index = TransitionMatrices.IndexOf(next.States.Row(c));
            if (index < counts.Length) counts[index]++;
        }

        return Compare(counts, row, delta);
    }

    /// <summary>Pearson's test of next-state counts (indexed like the row) against one row of a transition matrix.</summary>
    public static Fin<FrequencyTest> Compare(IReadOnlyList<long> counts, ReadOnlySpan<double> row, double delta)
    {
        if (counts.Count != row.Length) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("counts", Invariant($"{counts.Count} counts for a row of {row.Length} states")));
        if (!(delta > 0.0 && delta < 1.0)) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("delta", Invariant($"{delta} is not a probability in (0, 1)")));
        if (counts.Any(c => c < 0)) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("counts", "a count is negative"));
        var sum = 0.0;
        foreach (var p in row)
        {
            if (!(p >= 0.0 && p <= 1.0)) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("row", Invariant($"the entry {p} is not a probability")));
            sum += p;
        }

        if (Math.Abs(sum - 1.0) > 1e-9) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("row", Invariant($"the entries sum to {sum}, not 1")));
        var draws = counts.Sum();
        if (draws < 1 || draws > int.MaxValue) return FinFail<FrequencyTest>(TestingErrors.InvalidInput("counts", Invariant($"{draws} draws in all")));
        return FinSucc(Pearson(counts.ToArray(), row.ToArray(), (int)draws, delta));
    }

    private static FrequencyTest Pearson(long[] counts, double[] row, int draws, double delta)
    {
        var seq = counts.ToSeq();
        for (var y = 0; y < row.Length; y++)
            if (row[y] == 0.0 && counts[y] > 0)
                return new FrequencyTest(draws, seq, double.PositiveInfinity, 0, 0.0, delta, false, y,
                    Invariant($"one-step frequencies: state {y} has probability 0 in the row but was drawn {counts[y]} times of {draws}"));

        var cells = Cells(row, draws);
        var statistic = 0.0;
        (double Contribution, int State, double Observed, double Expected) worst = (-1.0, 0, 0.0, 0.0);
        foreach (var cell in cells)
        {
            var observed = cell.Sum(y => (double)counts[y]);
            var expected = cell.Sum(y => row[y]) * draws;
            var contribution = (observed - expected) * (observed - expected) / expected;
            statistic += contribution;
            if (contribution > worst.Contribution) worst = (contribution, cell[0], observed, expected);
        }

        var dof = cells.Count - 1;
        var critical = dof == 0 ? 0.0 : ChiSquared.InvCDF(dof, 1.0 - delta);
        var holds = statistic <= critical;
        var at = Invariant($"largest contribution at state {worst.State}: observed {worst.Observed}, expected {worst.Expected:G6}");
        var message = Invariant(
            $"one-step frequencies: Pearson X^2 = {statistic:G6} on {dof} degrees of freedom {(holds ? "at or below" : "above")} the 1 - delta quantile {critical:G6} (delta = {delta}, {draws} draws); {at}");
        return new FrequencyTest(draws, seq, statistic, dof, critical, delta, holds, worst.State, message);
    }

    // The cells of the test: each state of expected count >= 5 alone, the rest pooled; a pool below 5 joins the
    // smallest single cell. States of probability 0 (not drawn, or the test has already failed) take no cell.
    private static List<int[]> Cells(double[] row, int draws)
    {
        var positive = Enumerable.Range(0, row.Length).Where(y => row[y] > 0.0).OrderBy(y => row[y]).ToList();
        var pooled = positive.TakeWhile(y => row[y] * draws < MinimumExpectedCount).ToList();
        var cells = positive.Skip(pooled.Count).Select(y => new[] { y }).ToList();
        if (pooled.Count == 0) return cells;
        if (pooled.Sum(y => row[y]) * draws >= MinimumExpectedCount || cells.Count == 0) cells.Add([.. pooled]);
        else cells[0] = [.. cells[0], .. pooled];
        return cells;
    }
}
