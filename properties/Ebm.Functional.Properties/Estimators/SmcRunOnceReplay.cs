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
/// A path on which <see cref="Smc.RunOnce{TState}"/> runs unchanged while every random draw it makes through the path
/// is a <see cref="Choices"/> choice of the exact law: base draws uniform over the states, moves by the systematic
/// heat-bath matrix at the t the run asks for, and resampling by the exact distribution of the scheme's outcomes
/// (<see cref="ResamplingExactness"/>) on the law's own normalised weights.
/// </summary>
/// <remarks>
/// The law's weights are kept here from the exact log densities of the states the law put in place (reset to equal
/// after each resampling), independently of the run's. When the run resamples, the ancestors it drew must equal those
/// its scheme gives on the law's weights with the key its documentation names (the second of three children of the
/// run's key, folded with the step); the path then replaces them, one law outcome per enumerated branch.
/// </remarks>
internal sealed class SmcRunOnceReplay
{
    private readonly SmcExactCase _case;
    private readonly DiscreteChains _all;
    private readonly Choices _choices;
    private readonly RngKey _resampleKey;
    private readonly double[][] _logDensity;
    private int[] _current = [];
    private double[] _logWeights = [];
    private int _reweighted;
    private int _moves;

    public SmcRunOnceReplay(SmcExactCase c, Choices choices, RngKey key)
    {
        _case = c;
        _choices = choices;
        _resampleKey = key.Split(3)[1];
        _all = c.AllStates();
        var path = c.Path();
        _logDensity = ReplayedState.LogDensities(path.LogDensity, c.Points, _all);
        Path = path with { SampleBase = SampleBase, Select = Select, Move = Move };
    }

    /// <summary>The path to hand to the run.</summary>
    public AnnealingPath<DiscreteChains> Path { get; }

    private DiscreteChains SampleBase(RngKey key, int count)
    {
        if (count != _case.Particles) throw new InvalidOperationException($"the run asked for {count} base draws, not {_case.Particles}");
        _current = Enumerable.Range(0, count).Select(_ => _choices.Uniform(_case.States)).ToArray();
        _logWeights = new double[count];
        return Selections.Discrete(_all, _current);
    }

    private DiscreteChains Select(DiscreteChains state, int[] ancestors)
    {
        var step = _moves + 1;
        ReplayedState.Expect(state, _current, $"resampling at step {step}");
        CatchUp(step);
        var weights = ReplayedState.Normalised(_logWeights);
        var drawn = Resampling.UncheckedAncestors(_resampleKey.FoldIn(step), _case.Scheme, weights, _case.Particles);
        if (!drawn.SequenceEqual(ancestors))
            throw new InvalidOperationException(
                $"resampling at step {step} drew [{string.Join(", ", ancestors)}]; {_case.Scheme} on the law's weights [{string.Join(", ", weights)}] gives [{string.Join(", ", drawn)}]");

        var outcomes = ResamplingExactness.Outcomes(_case.Scheme, weights, _case.Particles)
            .Select(o => (Config: o.Ancestors.Select(a => _current[a]).ToArray(), o.Probability))
            .GroupBy(o => string.Join(",", o.Config))
            .Select(g => (g.First().Config, Probability: g.Sum(o => o.Probability)))
            .ToArray();
        _current = outcomes[_choices.Choose(outcomes.Select(o => o.Probability).ToArray())].Config;
        Array.Clear(_logWeights);
        return Selections.Discrete(_all, _current);
    }

    private KernelStep<DiscreteChains, IAcceptanceInfo> Move(double t)
    {
        CatchUp(_moves + 1);
        _moves++;
        var matrix = TransitionMatrices.HeatBath(_case.Model, t * _case.Beta, ScanOrder.Systematic).ThrowIfFail();
        return (_, state) =>
        {
            ReplayedState.Expect(state, _current, $"the move at t = {t}");
            _current = _current.Select(x => _choices.Choose(ReplayedState.Row(matrix, x))).ToArray();
            return (Selections.Discrete(_all, _current), new ReplayedState.Moved(Vec.Filled(_current.Length, 1.0)));
        };
    }

    /// <summary>Adds the law's increments log f_{t_j} - log f_{t_{j-1}} of the current states for every step up to <paramref name="step"/>.</summary>
    private void CatchUp(int step)
    {
        for (; _reweighted < step; _reweighted++)
        {
            var (low, high) = (_logDensity[_reweighted], _logDensity[_reweighted + 1]);
            for (var i = 0; i < _current.Length; i++) _logWeights[i] += high[_current[i]] - low[_current[i]];
        }
    }
}
