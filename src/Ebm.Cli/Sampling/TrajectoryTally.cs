using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Nuts;
using Ebm.Functional.Numerics;

namespace Ebm.Cli.Sampling;

/// <summary>
/// Adds up the infos of a run's kept steps (the <c>visit</c> of <see cref="Ebm.Functional.Shell.Sampling.ChainRunner"/>)
/// into a <see cref="TrajectoryReport"/>: the divergences of <see cref="HmcInfo"/> and <see cref="NutsInfo"/>, and the
/// tree depths and leapfrog steps of the latter. Other infos are ignored, and a run that had none reports nothing.
/// </summary>
/// <param name="depthLimit">The NUTS sampler's largest tree depth.</param>
internal sealed class TrajectoryTally(int depthLimit = Nuts.DefaultMaxTreeDepth)
{
    private int[]? _divergences;
    private long _transitions;
    private bool _nuts;
    private double _depthSum;
    private int _maxDepth;
    private double _leapfrogSum;
    private long _saturated;

    /// <summary>Adds one kept step's info.</summary>
    public void Add(object? info)
    {
        switch (info)
        {
            case HmcInfo hmc:
                AddDivergent(hmc.Divergent);
                break;
            case NutsInfo nuts:
                AddDivergent(nuts.Divergent);
                _nuts = true;
                foreach (var depth in nuts.TreeDepths.Span)
                {
                    _depthSum += depth;
                    _maxDepth = Math.Max(_maxDepth, (int)depth);
                    if (depth >= depthLimit) _saturated++;
                }

                foreach (var steps in nuts.LeapfrogSteps.Span) _leapfrogSum += steps;
                break;
        }
    }

    /// <summary>The summary of the kept steps added, or null when none was an HMC or NUTS step.</summary>
    public TrajectoryReport? Report() =>
        _divergences is null ? null
        : new TrajectoryReport([.. _divergences], _transitions,
            _nuts ? new NutsTreeSummary(_depthSum / _transitions, _maxDepth, _leapfrogSum / _transitions, (double)_saturated / _transitions, depthLimit) : null);

    private void AddDivergent(Vec divergent)
    {
        _divergences ??= new int[divergent.Length];
        if (divergent.Length != _divergences.Length)
            throw new InvalidOperationException($"a step reports {divergent.Length} chains, expected {_divergences.Length}");
        for (var c = 0; c < divergent.Length; c++) _divergences[c] += divergent[c] > 0 ? 1 : 0;
        _transitions += divergent.Length;
    }
}
