using Ebm.Functional.Exact;
using Ebm.Functional.Tests.TestModels;

namespace Ebm.Functional.Tests.Exact;

/// <summary>The peers' 784 x 20 "small20" RBM, rebuilt from their portable recipe, against their published log Z.</summary>
public class RbmSmall20Tests
{
    [Fact]
    public void The_recipe_reproduces_the_peer_fingerprints()
    {
        var (weights, visibleBias, hiddenBias) = PeerRecipe.SmallRbmParameters();
        Assert.Equal(PeerRecipe.Small20Fingerprint, PeerRecipe.Fingerprint(weights, visibleBias, hiddenBias));
        Assert.Equal(PeerRecipe.FirstDataDraw, PeerRecipe.SplitMix64(20240601, 0));
    }

    [Fact]
    public void Log_z_of_small20_matches_the_published_value()
    {
        var logZ = RbmExact.LogPartitionFunction(PeerRecipe.SmallRbm(), 1.0).Match(z => z, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(PeerRecipe.Small20LogPartition, logZ, 1e-9);
    }
}
