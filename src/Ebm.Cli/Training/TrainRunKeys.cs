using Ebm.Functional.Prng;

namespace Ebm.Cli.Training;

/// <summary>
/// The keys of <c>ebm train</c> beyond the training loop's own (<see cref="Functional.Training.TrainingKeys"/>, which
/// take positions 0-3 of the root): each by a fixed position of the seed's root key, so adding one never moves another.
/// </summary>
internal static class TrainRunKeys
{
    /// <summary>The root key of the seed: the train state's key.</summary>
    public static RngKey Root(ulong seed) => RngKey.FromSeed(seed);

    /// <summary>The key of a generated data set (builtin:ising draws, stochastic binarisation).</summary>
    public static RngKey Data(ulong seed) => Root(seed).FoldIn(100);

    /// <summary>The key of the train/test split.</summary>
    public static RngKey Split(ulong seed) => Root(seed).FoldIn(101);

    /// <summary>The key of the initial model's weights.</summary>
    public static RngKey Initial(ulong seed) => Root(seed).FoldIn(102);

    /// <summary>The key of the final model's samples (the sample grid).</summary>
    public static RngKey Samples(ulong seed) => Root(seed).FoldIn(103);
}
