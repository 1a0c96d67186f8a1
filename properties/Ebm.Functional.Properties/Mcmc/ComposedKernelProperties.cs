using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using FsCheck.Xunit;
using LanguageExt;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// Laws of composed kernels over random composition trees (sequences, repetitions, cycles and mixtures nested up to
/// three deep): the step's acceptance is the mean over the plain moves it applied, its failures their sum, its moves
/// their number, however the moves are nested; a costed composition runs the plain kernel bit for bit and costs the
/// sum of its parts (a mixture the expected cost).
/// </summary>
public sealed class ComposedKernelProperties
{
    private sealed record Rated(Vec AcceptanceRates, int NumericalFailures) : IAcceptanceInfo, INumericalFailureInfo;

    private abstract record Node;

    private sealed record Leaf(int Id, double First, double Second, int Failures, double Cost) : Node;

    private sealed record Pair(Node First, Node Second) : Node;

    private sealed record Repeated(Node Part, int Times) : Node;

    private sealed record Cycled(Node[] Parts) : Node;

    private sealed record Mixed(double[] Weights, Node[] Parts) : Node;

    /// <summary>Reads a tree off the seeds, one seed per decision; the state of a step is the list of leaves it ran.</summary>
    private sealed class Reader(int[] seeds)
    {
        private int _next;
        private int _leaves;

        private int Next(int bound) => Math.Abs(seeds.Length == 0 ? 0 : seeds[_next++ % seeds.Length] % bound);

        public Node Read(int depth)
        {
            var kind = depth == 0 ? 0 : Next(5);
            return kind switch
            {
                0 => new Leaf(_leaves++, Next(1001) / 1000.0, Next(1001) / 1000.0, Next(3), 1 + Next(20)),
                1 => new Pair(Read(depth - 1), Read(depth - 1)),
                2 => new Repeated(Read(depth - 1), 1 + Next(3)),
                3 => new Cycled(Enumerable.Range(0, 1 + Next(3)).Select(_ => Read(depth - 1)).ToArray()),
                _ => Mixture(depth),
            };
        }

        private Mixed Mixture(int depth)
        {
            var count = 1 + Next(3);
            return new Mixed(Enumerable.Range(0, count).Select(_ => 1.0 + Next(4)).ToArray(),
                Enumerable.Range(0, count).Select(_ => Read(depth - 1)).ToArray());
        }
    }

    private static KernelStep<Seq<Leaf>, IAcceptanceInfo> Plain(Node node) => node switch
    {
        Leaf leaf => (_, ran) => (ran.Add(leaf), new Rated(Vec.Of(leaf.First, leaf.Second), leaf.Failures)),
        Pair pair => Kernels.MapInfo(Kernels.Sequence(Plain(pair.First), Plain(pair.Second)), i => (IAcceptanceInfo)i),
        Repeated repeated => Kernels.MapInfo(Kernels.Repeat(Plain(repeated.Part), repeated.Times), i => (IAcceptanceInfo)i),
        Cycled cycled => Kernels.MapInfo(Kernels.Cycle(cycled.Parts.Select(Plain).ToArray()), i => (IAcceptanceInfo)i),
        Mixed mixed => Kernels.MapInfo(Kernels.Mixture(mixed.Weights, mixed.Parts.Select(Plain).ToArray()), i => (IAcceptanceInfo)i),
        _ => throw new InvalidOperationException("unknown node"),
    };

    private static CostedKernel<Seq<Leaf>, IAcceptanceInfo> Costed(Node node) => node switch
    {
        Leaf leaf => Kernels.WithCost(Plain(leaf), leaf.Cost),
        Pair pair => Kernels.MapInfo(Kernels.Sequence(Costed(pair.First), Costed(pair.Second)), i => (IAcceptanceInfo)i),
        Repeated repeated => Kernels.MapInfo(Kernels.Repeat(Costed(repeated.Part), repeated.Times), i => (IAcceptanceInfo)i),
        Cycled cycled => Kernels.MapInfo(Kernels.Cycle(Costed(cycled.Parts[0]), cycled.Parts.Skip(1).Select(Costed).ToArray()), i => (IAcceptanceInfo)i),
        Mixed mixed => Kernels.MapInfo(Kernels.Mixture(mixed.Weights, mixed.Parts.Select(Costed).ToArray()), i => (IAcceptanceInfo)i),
        _ => throw new InvalidOperationException("unknown node"),
    };

    /// <summary>The expected cost, by the tree: sums, multiples and the weighted mean of a mixture's parts.</summary>
    private static double Cost(Node node) => node switch
    {
        Leaf leaf => leaf.Cost,
        Pair pair => Cost(pair.First) + Cost(pair.Second),
        Repeated repeated => repeated.Times * Cost(repeated.Part),
        Cycled cycled => cycled.Parts.Sum(Cost),
        Mixed mixed => mixed.Weights.Zip(mixed.Parts, (w, p) => w * Cost(p)).Sum() / mixed.Weights.Sum(),
        _ => throw new InvalidOperationException("unknown node"),
    };

    [Property(MaxTest = 300)]
    public void A_composed_step_reports_the_mean_acceptance_and_the_total_failures_of_the_moves_it_ran(int[] seeds, int keySeed)
    {
        var tree = new Repeated(new Reader(seeds ?? []).Read(3), 1);
        var (ran, info) = Plain(tree)(RngKey.FromSeed((ulong)keySeed), Seq<Leaf>.Empty);

        var composed = Assert.IsAssignableFrom<ComposedInfo>(info);
        Assert.Equal(ran.Count, composed.Moves);
        Assert.Equal(ran.Sum(l => l.Failures), composed.NumericalFailures);
        // Sums taken in another order (nested, then added) differ by a few ulps of a number at most 1.
        Assert.Equal(ran.Average(l => l.First), info.AcceptanceRates[0], 1e-12);
        Assert.Equal(ran.Average(l => l.Second), info.AcceptanceRates[1], 1e-12);
    }

    [Property(MaxTest = 300)]
    public void A_costed_composition_runs_the_plain_kernel_and_costs_what_its_parts_cost(int[] seeds, int keySeed)
    {
        var tree = new Reader(seeds ?? []).Read(3);
        var key = RngKey.FromSeed((ulong)keySeed);
        var costed = Costed(tree);

        Assert.Equal(Plain(tree)(key, Seq<Leaf>.Empty).State, costed.Step(key, Seq<Leaf>.Empty).State);
        Assert.Equal(Cost(tree), costed.Evaluations, 1e-9 * Cost(tree));
    }
}
