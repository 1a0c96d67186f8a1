using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Estimators;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// A path on which <see cref="LinkedImportanceSampling.Run{TState}"/> runs unchanged with two replicas while every
/// random draw of replica 0 is a <see cref="Choices"/> choice of the exact law of Neal (2005): its base chain uniform
/// over the states, each link one of the chain's states with probability proportional to
/// sqrt(f_{t_{j+1}} / f_{t_j}), and each transition kept in its estimate by the random-scan heat-bath matrix at the
/// run's t (reversible, so it serves both directions). Replica 1 stays put; its ratio is not looked at.
/// </summary>
/// <remarks>
/// The link positions nu_j are drawn by the run itself from the key its documentation names (the third of four
/// children of the run's key, folded with j, uniform p for replica p); the caller picks keys that give each
/// combination of positions and weights them equally. The law's members of chain j are then the link, the first
/// nu_j reverse states and the first K - 1 - nu_j forward states; transitions to states outside them are not
/// enumerated (they cannot change the estimate). A move is told apart by its key (the fourth child folded with j,
/// split into reverse and forward, folded with the state's position and the move number). When the run picks a
/// link, its pick must be the one the law's probabilities give with its link key (the second child folded with
/// j); the path then replaces it, one law outcome per enumerated branch.
/// </remarks>
internal sealed class LinkedRunReplay
{
    /// <summary>The replicas of the run: replica 0 enumerated, replica 1 held still.</summary>
    public const int Replicas = 2;

    private readonly LinkedCase _case;
    private readonly DiscreteChains _all;
    private readonly Choices _choices;
    private readonly RngKey _linkKey;
    private readonly RngKey _moveKey;
    private readonly int[] _positions;
    private readonly double[][] _logDensity;
    private readonly int[] _batches;
    private int _links;
    private int _steps;

    public LinkedRunReplay(LinkedCase c, Choices choices, RngKey key, int[] positions)
    {
        _case = c;
        _choices = choices;
        var children = key.Split(4);
        (_linkKey, _moveKey) = (children[1], children[3]);
        _positions = positions;
        _all = c.Path.AllStates();
        var path = c.Path.Path();
        _logDensity = ReplayedState.LogDensities(path.LogDensity, c.Path.Points, _all);
        _batches = new int[2 * c.ChainLength - 1];
        Path = path with { SampleBase = SampleBase, Select = Select, Move = Move };
    }

    /// <summary>The path to hand to the run.</summary>
    public AnnealingPath<DiscreteChains> Path { get; }

    /// <summary>The link position of replica 0 at chain j (1-based) that the run draws from its key.</summary>
    public static int Position(RngKey key, int j, int length) => Math.Min(length - 1, (int)(key.Split(4)[2].FoldIn(j).UniformAt(0) * length));

    private int Length => _case.ChainLength;

    private DiscreteChains SampleBase(RngKey key, int count)
    {
        if (count != Length * Replicas) throw new InvalidOperationException($"the run asked for {count} base draws, not {Length * Replicas}");
        for (var b = 0; b < Length; b++) _batches[b] = _choices.Uniform(_case.Path.States);
        return Selections.Discrete(_all, Enumerable.Range(0, count).Select(i => i % Replicas == 0 ? _batches[i / Replicas] : 0).ToArray());
    }

    private DiscreteChains Select(DiscreteChains chain, int[] indices)
    {
        var j = _links++;
        var members = j == 0 ? Enumerable.Range(0, Length).ToArray() : Members(_positions[j - 1]);
        var held = ReplayedState.Indices(chain);
        ReplayedState.Expect(Selections.Discrete(_all, members.Select(b => held[b * Replicas]).ToArray()), members.Select(b => _batches[b]).ToArray(), $"link {j}");
        var probabilities = LinkProbabilities(members.Select(b => _batches[b]).ToArray(), j);
        var expected = members[Resampling.FromUniforms(ResamplingScheme.Multinomial, probabilities, [_linkKey.FoldIn(j).UniformAt(0)])[0]] * Replicas;
        if (indices[0] != expected)
            throw new InvalidOperationException($"link {j} picked particle {indices[0]}; the law's probabilities [{string.Join(", ", probabilities)}] with the link key give {expected}");
        var link = members[_choices.Choose(probabilities)];
        _batches[0] = _batches[link];
        return Selections.Discrete(chain, [link * Replicas, indices[1]]);
    }

    private KernelStep<DiscreteChains, IAcceptanceInfo> Move(double t)
    {
        var j = ++_steps;
        var matrix = TransitionMatrices.HeatBath(_case.Path.Model, t * _case.Path.Beta, ScanOrder.Random).ThrowIfFail();
        var (reverseKey, forwardKey) = _moveKey.FoldIn(j).Split();
        var nu = _positions[j - 1];
        return (key, state) =>
        {
            var position = Enumerable.Range(1, Length - 1).FirstOrDefault(i => key == reverseKey.FoldIn(i).FoldIn(0));
            var forward = Enumerable.Range(1, Length - 1).FirstOrDefault(i => key == forwardKey.FoldIn(i).FoldIn(0));
            if (position == 0 && forward == 0) throw new InvalidOperationException($"a move at chain {j} used a key the documented layout does not name");
            var (from, to, member) = position > 0
                ? (position == 1 ? 0 : position - 1, position, position <= nu)
                : (forward == 1 ? 0 : Length - 2 + forward, Length - 1 + forward, forward <= Length - 1 - nu);
            var particles = ReplayedState.Indices(state);
            ReplayedState.Expect(Selections.Discrete(_all, [particles[0]]), [_batches[from]], $"the move to state {to} of chain {j}");
            _batches[to] = member ? _choices.Choose(ReplayedState.Row(matrix, _batches[from])) : _batches[from];
            return (Selections.Discrete(_all, [_batches[to], particles[1]]), new ReplayedState.Moved(Vec.Filled(Replicas, 1.0)));
        };
    }

    /// <summary>The law's members of a chain whose link sits at <paramref name="nu"/>: batch 0, reverse 1..nu, forward 1..K-1-nu.</summary>
    private int[] Members(int nu) => [0, .. Enumerable.Range(1, nu), .. Enumerable.Range(Length, Length - 1 - nu)];

    /// <summary>Neal's link probabilities at chain j: proportional to sqrt(f_{t_{j+1}}(x) / f_{t_j}(x)).</summary>
    private double[] LinkProbabilities(int[] states, int j) =>
        ReplayedState.Normalised(states.Select(x => 0.5 * (_logDensity[j + 1][x] - _logDensity[j][x])).ToArray());
}
