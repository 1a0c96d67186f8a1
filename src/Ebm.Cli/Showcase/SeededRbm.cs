using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Cli.Showcase;

/// <summary>A Bernoulli RBM with weights and biases drawn from scale * N(0, 1), reproducible from its key.</summary>
internal static class SeededRbm
{
    /// <summary>
    /// W (visible x hidden), b and c with independent entries scale * N(0, 1); the key is split at the
    /// top, one child each for W, b and c, so the same key always gives the same machine.
    /// </summary>
    public static Validation<Error, BernoulliRbm> Create(RngKey key, int visible, int hidden, double scale)
    {
        var keys = key.Split(3);
        var weights = Mat.Create(visible, hidden, d => Scaled(keys[0], d, scale));
        var visibleBias = Vec.Create(visible, d => Scaled(keys[1], d, scale));
        var hiddenBias = Vec.Create(hidden, d => Scaled(keys[2], d, scale));
        return BernoulliRbm.Create(weights, visibleBias, hiddenBias);
    }

    private static void Scaled(RngKey key, Span<double> destination, double scale)
    {
        key.Normal(destination);
        for (var i = 0; i < destination.Length; i++) destination[i] *= scale;
    }
}
