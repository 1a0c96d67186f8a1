using Ebm.Functional.Prng;

namespace Ebm.Functional.Training;

/// <summary>
/// The keys of a training run, each derived from the run's root key and a position, never drawn from a stream: step t
/// always gets the same key however the run was interrupted and resumed.
/// </summary>
public static class TrainingKeys
{
    /// <summary>The key of global step <paramref name="step"/> (the objective's draws: Gibbs steps, site subsets).</summary>
    public static RngKey Step(RngKey root, long step) => root.FoldIn(0).FoldIn(step);

    /// <summary>The key that shuffles the training data in epoch <paramref name="epoch"/>.</summary>
    public static RngKey Shuffle(RngKey root, int epoch) => root.FoldIn(1).FoldIn(epoch);

    /// <summary>The key that starts the persistent chains.</summary>
    public static RngKey Chains(RngKey root) => root.FoldIn(2);

    /// <summary>The key of evaluation <paramref name="evaluation"/> (AIS runs, model samples for metrics).</summary>
    public static RngKey Evaluation(RngKey root, long evaluation) => root.FoldIn(3).FoldIn(evaluation);
}
