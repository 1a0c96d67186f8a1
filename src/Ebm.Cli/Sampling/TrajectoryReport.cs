using System.Globalization;
using System.Text.Json;
using Ebm.Cli.Output;

namespace Ebm.Cli.Sampling;

/// <summary>
/// What a user of a Hamiltonian sampler (hmc, nuts) checks besides R-hat and ESS, over the kept transitions: the
/// divergences (Stan's divergent__), and for NUTS the tree depths and leapfrog steps (treedepth__, n_leapfrog__).
/// </summary>
/// <param name="DivergencesByChain">Divergent kept transitions of each chain.</param>
/// <param name="Transitions">Kept transitions over all chains (chains x kept steps).</param>
/// <param name="Tree">The NUTS tree statistics; null for HMC.</param>
internal sealed record TrajectoryReport(int[] DivergencesByChain, long Transitions, NutsTreeSummary? Tree)
{
    /// <summary>
    /// A NUTS run is warned about when more than this fraction of its kept transitions hit the largest tree depth: a few
    /// long trajectories are the target's geometry, many mean the step size (or mass) is far too small for it.
    /// </summary>
    public const double SaturationTolerance = 0.01;

    /// <summary>Divergent kept transitions over all chains.</summary>
    public long Divergences => DivergencesByChain.Sum(d => (long)d);

    /// <summary>
    /// The warnings: any divergence (the draws near it are biased: Stan's advice is a smaller step, which --adapt finds),
    /// and tree depths at the limit in more than <see cref="SaturationTolerance"/> of the transitions (an efficiency problem).
    /// </summary>
    public IEnumerable<string> Warnings()
    {
        if (Divergences > 0)
            yield return $"{Divergences} of {Transitions} kept transitions diverged ({Percent((double)Divergences / Transitions)}): " +
                         "the draws may be biased near regions of high curvature; lower --step-size or use --adapt";
        if (Tree is { } tree && tree.SaturatedFraction > SaturationTolerance)
            yield return $"{Percent(tree.SaturatedFraction)} of kept NUTS transitions hit the maximum tree depth {tree.DepthLimit} " +
                         $"({(1 << tree.DepthLimit) - 1} leapfrog steps): the trajectories were cut short and each step is costly; use --adapt or a larger --step-size";
    }

    /// <summary>The text lines: the divergences, then for NUTS the tree depths and the leapfrog steps.</summary>
    public IEnumerable<string> TextLines()
    {
        yield return $"divergences    {Divergences} of {Transitions} kept transitions ({Percent((double)Divergences / Transitions)})";
        if (Tree is not { } tree) yield break;
        yield return $"tree depth     mean {Numbers.Table(tree.MeanTreeDepth)}, max {tree.MaxTreeDepth} (limit {tree.DepthLimit}, reached in {Percent(tree.SaturatedFraction)} of transitions)";
        yield return $"leapfrog       mean {Numbers.Table(tree.MeanLeapfrogSteps)} steps (gradient evaluations) per transition";
    }

    /// <summary>
    /// The JSON keys: divergences and divergencesByChain, then for NUTS nutsMeanTreeDepth, nutsMaxTreeDepth,
    /// nutsTreeDepthLimit, nutsTreeDepthSaturation (the fraction at the limit) and nutsMeanLeapfrogSteps.
    /// </summary>
    public void Json(Utf8JsonWriter w)
    {
        w.WriteNumber("divergences", Divergences);
        w.WriteStartArray("divergencesByChain");
        foreach (var d in DivergencesByChain) w.WriteNumberValue(d);
        w.WriteEndArray();
        if (Tree is not { } tree) return;
        ResultJson.Number(w, "nutsMeanTreeDepth", tree.MeanTreeDepth);
        w.WriteNumber("nutsMaxTreeDepth", tree.MaxTreeDepth);
        w.WriteNumber("nutsTreeDepthLimit", tree.DepthLimit);
        ResultJson.Number(w, "nutsTreeDepthSaturation", tree.SaturatedFraction);
        ResultJson.Number(w, "nutsMeanLeapfrogSteps", tree.MeanLeapfrogSteps);
    }

    private static string Percent(double fraction) => (100 * fraction).ToString("G3", CultureInfo.InvariantCulture) + "%";
}
