using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>Ranks with ties, Blom scores against Python's statistics.NormalDist, folding and splitting by hand.</summary>
public class RankNormalisationTests
{
    [Fact]
    public void TiesShareTheirAverageRank()
    {
        Assert.Equal(Mat.FromRows([[3.5, 1], [3.5, 2]]), RankNormalisation.Ranks(Mat.FromRows([[3, 1], [3, 2]])));
        Assert.Equal(Mat.FromRows([[2, 2, 2, 4]]), RankNormalisation.Ranks(Mat.FromRows([[7, 7, 7, 9]])));
    }

    [Fact]
    public void ScoresAreBlomsNormalScoresOfThePooledRanks()
    {
        // Φ⁻¹((r - 3/8)/(4 + 1/4)) for r = 1, 2, 3.5 (NormalDist().inv_cdf in Python 3).
        var z = RankNormalisation.ZScores(Mat.FromRows([[3, 1], [3, 2]]));
        Assert.Equal(0.6289042176321902, z[0, 0], 12);
        Assert.Equal(-1.0491313979639711, z[0, 1], 12);
        Assert.Equal(0.6289042176321902, z[1, 0], 12);
        Assert.Equal(-0.29930691046566704, z[1, 1], 12);
    }

    [Fact]
    public void ScoresOfDistinctDrawsAreAntisymmetric()
    {
        var z = RankNormalisation.ZScores(Mat.FromRows([[0.3, -2, 8, 1, 5]]));
        Assert.Equal(0.0, z[0, 3], 15); // the middle rank 3 of 5 maps to Φ⁻¹(1/2)
        Assert.Equal(-z[0, 1], z[0, 2], 14);
        Assert.Equal(-z[0, 0], z[0, 4], 14);
    }

    [Fact]
    public void FoldingSubtractsThePooledMedian()
    {
        // Pooled 1 3 5 9: median (3 + 5)/2 = 4.
        Assert.Equal(Mat.FromRows([[3, 1], [1, 5]]), RankNormalisation.Fold(Mat.FromRows([[1, 5], [3, 9]])));
    }

    [Fact]
    public void SplittingDropsTheMiddleDrawOfAnOddChain()
    {
        Assert.Equal(Mat.FromRows([[1, 2], [4, 5], [6, 7], [8, 9]]), SplitChains.Apply(Mat.FromRows([[1, 2, 3, 4, 5], [6, 7, 0, 8, 9]])));
    }
}
