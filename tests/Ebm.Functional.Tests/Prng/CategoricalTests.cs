using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Prng;

/// <summary>Categorical draws from logits: exact inversion, impossible categories and bad logits.</summary>
public class CategoricalTests
{
    private static readonly RngKey Key = RngKey.FromSeed(7);

    [Fact]
    public void DrawsInvertTheCumulativeDistributionOfTheUniform()
    {
        // Probabilities 1/8, 3/8, 4/8 (exact in binary): category c is drawn when u falls in its interval.
        double[] logits = [Math.Log(1), Math.Log(3), Math.Log(4)];
        const int rows = 2000;
        var many = Enumerable.Range(0, rows).SelectMany(_ => logits).ToArray();
        var draws = new int[rows];

        Key.Categorical(many, 3, draws);

        for (var r = 0; r < rows; r++)
        {
            var u = Key.UniformAt(r);
            var expected = u < 0.125 ? 0 : u < 0.5 ? 1 : 2;
            // u within one rounding of a boundary could go either way; none of 2000 draws is that close.
            Assert.Equal(expected, draws[r]);
        }
    }

    [Fact]
    public void ACategoryWithMinusInfinityLogitIsNeverDrawn()
    {
        double[] logits = [double.NegativeInfinity, 0.0, double.NegativeInfinity, 0.0, double.NegativeInfinity];
        const int rows = 20_000;
        var many = Enumerable.Range(0, rows).SelectMany(_ => logits).ToArray();
        var draws = new int[rows];

        Key.Categorical(many, logits.Length, draws);

        Assert.All(draws, d => Assert.True(d is 1 or 3, $"drew category {d}"));
    }

    [Fact]
    public void AllCategoriesButOneImpossibleAlwaysDrawsThatOne()
    {
        double[] logits = [double.NegativeInfinity, double.NegativeInfinity, -1e300];
        var draws = new int[50];

        Key.Categorical(Enumerable.Repeat(logits, 50).SelectMany(l => l).ToArray(), 3, draws);

        Assert.All(draws, d => Assert.Equal(2, d));
    }

    [Fact]
    public void HugeLogitsDoNotOverflow()
    {
        double[] logits = [1e308, 1e308 - 1e292, -1e308];
        var draws = new int[100];

        Key.Categorical(Enumerable.Repeat(logits, 100).SelectMany(l => l).ToArray(), 3, draws);

        // Category 1 lies 1e292 below the maximum: its weight exp(-1e292) is exactly zero.
        Assert.All(draws, d => Assert.Equal(0, d));
    }

    [Theory]
    [InlineData(double.NegativeInfinity, double.NegativeInfinity, "-infinity everywhere")]
    [InlineData(double.NaN, 0.0, "NaN")]
    [InlineData(0.0, double.PositiveInfinity, "+infinity")]
    public void BadLogitsAreAClearArgumentException(double first, double second, string fragment)
    {
        var draws = new int[2];
        double[] logits = [0.0, 1.0, first, second];

        var error = Assert.Throws<ArgumentException>(() => Key.Categorical(logits, 2, draws));

        Assert.Contains("row 1", error.Message);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void MismatchedShapesAreAnArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Key.Categorical(new double[5], 2, new int[2]));
        Assert.Throws<ArgumentException>(() => Key.Categorical(new double[0], 0, new int[0]));
    }
}
