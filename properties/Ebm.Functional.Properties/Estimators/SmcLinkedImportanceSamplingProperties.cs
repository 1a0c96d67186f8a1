using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Linked importance sampling is unbiased (Neal 2005): the exact expectation of its estimate over the exact base
/// chain, every link choice (the implementation's probabilities), every link position and every path of the
/// chains (random-scan heat-bath Gibbs, reversible, so its matrix serves both directions) equals Z_1 / Z_0.
/// </summary>
/// <remarks>At most 4^3 x 3 x 3 x 4^2 terms of order one: the law holds to well under 1e-9 relative.</remarks>
public sealed class SmcLinkedImportanceSamplingProperties
{
    private const double RelativeTolerance = 1e-9;

    [Property(MaxTest = 40, Arbitrary = [typeof(LinkedArbitrary)])]
    public void The_linked_estimate_is_unbiased_for_the_ratio_of_normalisers(LinkedCase c)
    {
        var p = c.Path;
        var path = p.Path();
        var all = p.AllStates();
        var matrices = p.Points.Select(t => TransitionMatrices.HeatBath(p.Model, t * p.Beta, ScanOrder.Random).ThrowIfFail()).ToArray();
        var start = Math.Pow(p.States, -c.ChainLength);
        var expectation = 0.0;
        foreach (var chain in SmcExactCase.Configurations(p.States, c.ChainLength))
        {
            var states = Selections.Discrete(all, chain);
            var here = path.LogDensity(p.Points[0], states).Span;
            var up = path.LogDensity(p.Points[1], states).Span;
            var logNumerator = LinkedImportanceSampling.LogMeanBridge(here, up);
            var links = LinkedImportanceSampling.LinkProbabilities(here, up);
            for (var i = 0; i < chain.Length; i++)
                expectation += start * links[i] * Continue(c, path, all, matrices, 1, chain[i], logNumerator);
        }

        var exact = p.ExactRatio();
        Assert.True(Math.Abs(expectation / exact - 1.0) < RelativeTolerance, $"E[r] = {expectation:R}, Z_1/Z_0 = {exact:R} on {c}");
    }

    private static double Continue(LinkedCase c, AnnealingPath<DiscreteChains> path, DiscreteChains all, Mat[] matrices, int j, int link, double logRatio)
    {
        var p = c.Path;
        var last = p.Points.Length - 1;
        var total = 0.0;
        for (var nu = 0; nu < c.ChainLength; nu++)
        {
            foreach (var (chain, probability) in Chains(link, nu, c.ChainLength - 1 - nu, matrices[j], p.States))
            {
                var states = Selections.Discrete(all, chain);
                var here = path.LogDensity(p.Points[j], states).Span;
                var ratio = logRatio - LinkedImportanceSampling.LogMeanBridge(here, path.LogDensity(p.Points[j - 1], states).Span);
                var weight = probability / c.ChainLength;
                if (j == last)
                {
                    total += weight * Math.Exp(ratio);
                    continue;
                }

                var up = path.LogDensity(p.Points[j + 1], states).Span;
                var next = ratio + LinkedImportanceSampling.LogMeanBridge(here, up);
                var links = LinkedImportanceSampling.LinkProbabilities(here, up);
                for (var i = 0; i < chain.Length; i++) total += weight * links[i] * Continue(c, path, all, matrices, j + 1, chain[i], next);
            }
        }

        return total;
    }

    /// <summary>Every chain [link, reverse states, forward states] with its probability under the reversible matrix.</summary>
    private static IEnumerable<(int[] Chain, double Probability)> Chains(int link, int reverse, int forward, Mat matrix, int states)
    {
        foreach (var backward in Walks(link, reverse, matrix, states))
            foreach (var ahead in Walks(link, forward, matrix, states))
                yield return ([link, .. backward.Path, .. ahead.Path], backward.Probability * ahead.Probability);
    }

    private static IEnumerable<(int[] Path, double Probability)> Walks(int from, int steps, Mat matrix, int states)
    {
        if (steps == 0)
        {
            yield return ([], 1.0);
            yield break;
        }

        for (var next = 0; next < states; next++)
        {
            if (matrix[from, next] == 0) continue;
            foreach (var (rest, probability) in Walks(next, steps - 1, matrix, states))
                yield return ([next, .. rest], matrix[from, next] * probability);
        }
    }
}
