using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Properties.Annealing.EstimatorResults;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// <see cref="LinkedImportanceSampling.Run{TState}"/> itself is unbiased (Neal 2005): run once per outcome of replica
/// 0's exact law (<see cref="LinkedRunReplay"/>: every base chain, link, kept transition and link position), the
/// probability-weighted sum of replica 0's ratio exp(log w_0) equals Z_1 / Z_0, and the estimate is log Z_0 plus the
/// log mean of the replicas' ratios. Where <see cref="SmcLinkedImportanceSamplingProperties"/> checks the law with the
/// implementation's bridge functions, this one checks the loop that calls them: which states make up each chain,
/// which of them enter the numerators and denominators, the link probabilities and the points of the moves.
/// </summary>
/// <remarks>
/// At most 4,096 outcomes of probabilities and exponentials of order one per case: the sum holds to well under 1e-9
/// relative. Link positions: keys from seed 1 upwards are tried until each of the K^J combinations has one; each
/// combination has probability K^-J.
/// </remarks>
public sealed class LinkedRunLaws
{
    private const double RelativeTolerance = 1e-9;
    private const double LogTolerance = 1e-12;

    [Property(MaxTest = 30, Arbitrary = [typeof(LinkedReplayArbitrary)])]
    public void Run_is_unbiased_over_every_outcome_of_replica_zero(LinkedCase c)
    {
        var p = c.Path;
        var schedule = AnnealingSchedule.Create(Vec.Of(p.Points)).Match(s => s, e => throw new InvalidOperationException(e.Head.Message));
        var options = LinkedImportanceSamplingOptions.Create(schedule, LinkedRunReplay.Replicas, c.ChainLength)
            .Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        var logZ0 = p.Path().LogZ0;
        var keys = KeysForEveryPosition(c.ChainLength, schedule.Steps);
        var expectation = keys.Sum(entry => ExactEnumeration.Expectation(choices =>
        {
            var estimate = Valid(LinkedImportanceSampling.Run(entry.Key, new LinkedRunReplay(c, choices, entry.Key, entry.Positions).Path, options));
            var logMean = Math.Log(estimate.LogWeights.Span.ToArray().Average(Math.Exp));
            if (Math.Abs(estimate.LogZ - logZ0 - logMean) > LogTolerance)
                throw new InvalidOperationException($"log Z {estimate.LogZ:R} is not log Z_0 + log mean of the replicas' ratios, {logZ0 + logMean:R}");
            return Math.Exp(estimate.LogWeights[0]);
        })) / keys.Count;

        var exact = p.ExactRatio();
        Assert.True(Math.Abs(expectation / exact - 1.0) < RelativeTolerance, $"E[r_0] = {expectation:R}, Z_1/Z_0 = {exact:R} on {c}");
    }

    private static List<(RngKey Key, int[] Positions)> KeysForEveryPosition(int length, int steps)
    {
        var combinations = (int)Math.Pow(length, steps);
        var found = new Dictionary<string, (RngKey, int[])>();
        for (ulong seed = 1; found.Count < combinations; seed++)
        {
            var key = RngKey.FromSeed(seed);
            var positions = Enumerable.Range(1, steps).Select(j => LinkedRunReplay.Position(key, j, length)).ToArray();
            found.TryAdd(string.Join(",", positions), (key, positions));
        }

        return [.. found.Values];
    }
}
