using Ebm.Functional.Prng;
using MathNet.Numerics.Distributions;

namespace Ebm.Functional.Tests.Prng;

/// <summary>
/// The draws follow their distributions. Every tolerance is a bound that a correct generator breaks with
/// probability at most <see cref="Delta"/> for a random key: z-scores from the estimator's standard error
/// with z = Phi^-1(1 - delta / 2) (Bonferroni-split over several categories), and the
/// Dvoretzky-Kiefer-Wolfowitz bound P(sup |F_n - F| &gt; epsilon) &lt;= 2 exp(-2 n epsilon^2)
/// (Massart 1990) for whole distribution functions. The keys are fixed, so the tests are repeatable.
/// </summary>
public class RngKeyDistributionTests
{
    private const double Delta = 1e-6;
    private const int SampleSize = 100_000;
    private static readonly RngKey Key = RngKey.FromSeed(31337);

    private static double Z(int comparisons = 1) => Normal.InvCDF(0, 1, 1 - Delta / (2 * comparisons));

    private static double DkwEpsilon(int n) => Math.Sqrt(Math.Log(2 / Delta) / (2.0 * n));

    [Fact]
    public void UniformMeanAndVarianceAreOneHalfAndOneTwelfth()
    {
        var u = new double[SampleSize];
        Key.Uniform(u);

        var mean = u.Average();
        var variance = u.Select(x => (x - mean) * (x - mean)).Sum() / (SampleSize - 1);

        // Var(U) = 1/12; Var((U - 1/2)^2) = 1/80 - 1/144 = 1/180 gives the sample variance's standard error.
        Assert.InRange(mean, 0.5 - Z(2) * Math.Sqrt(1.0 / 12 / SampleSize), 0.5 + Z(2) * Math.Sqrt(1.0 / 12 / SampleSize));
        Assert.InRange(variance, 1.0 / 12 - Z(2) * Math.Sqrt(1.0 / 180 / SampleSize), 1.0 / 12 + Z(2) * Math.Sqrt(1.0 / 180 / SampleSize));
    }

    [Fact]
    public void UniformEmpiricalDistributionIsWithinTheDkwBandOfTheIdentity()
    {
        var u = new double[SampleSize];
        Key.FoldIn(1).Uniform(u);
        Array.Sort(u);

        Assert.True(KolmogorovDistance(u, x => x) <= DkwEpsilon(SampleSize));
    }

    [Fact]
    public void NormalEmpiricalDistributionIsWithinTheDkwBandOfPhi()
    {
        var x = new double[SampleSize];
        Key.FoldIn(2).Normal(x);
        Array.Sort(x);

        Assert.True(KolmogorovDistance(x, v => Normal.CDF(0, 1, v)) <= DkwEpsilon(SampleSize));
    }

    [Fact]
    public void NormalMeanAndVarianceAreZeroAndOne()
    {
        var x = new double[SampleSize];
        Key.FoldIn(3).Normal(x);

        var mean = x.Average();
        var variance = x.Select(v => (v - mean) * (v - mean)).Sum() / (SampleSize - 1);

        // Standard errors: 1/sqrt(n) for the mean, sqrt(2/(n-1)) for the sample variance of a normal.
        Assert.InRange(mean, -Z(2) / Math.Sqrt(SampleSize), Z(2) / Math.Sqrt(SampleSize));
        Assert.InRange(variance, 1 - Z(2) * Math.Sqrt(2.0 / (SampleSize - 1)), 1 + Z(2) * Math.Sqrt(2.0 / (SampleSize - 1)));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.001)]
    public void BernoulliFrequencyIsTheProbability(double p)
    {
        var probabilities = Enumerable.Repeat(p, SampleSize).ToArray();
        var draws = new double[SampleSize];
        Key.FoldIn(4).Bernoulli(probabilities, draws);

        var frequency = draws.Average();

        var tolerance = Z() * Math.Sqrt(p * (1 - p) / SampleSize);
        Assert.InRange(frequency, p - tolerance, p + tolerance);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(800.0)]
    public void CategoricalFrequenciesAreTheSoftmaxOfTheLogits(double shift)
    {
        double[] probabilities = [0.1, 0.2, 0.3, 0.4, 0.0];
        var logits = probabilities.Select(q => Math.Log(q) + shift).ToArray();
        var rows = Enumerable.Repeat(logits, SampleSize).SelectMany(l => l).ToArray();
        var draws = new int[SampleSize];
        Key.FoldIn(5).Categorical(rows, logits.Length, draws);

        var z = Z(probabilities.Length);
        for (var c = 0; c < probabilities.Length; c++)
        {
            var frequency = draws.Count(d => d == c) / (double)SampleSize;
            var q = probabilities[c];
            var tolerance = z * Math.Sqrt(q * (1 - q) / SampleSize);
            Assert.InRange(frequency, q - tolerance, q + tolerance);
        }
    }

    /// <summary>sup_x |F_n(x) - F(x)| for sorted values: checked on both sides of every jump.</summary>
    private static double KolmogorovDistance(double[] sorted, Func<double, double> cdf)
    {
        var n = sorted.Length;
        var distance = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = cdf(sorted[i]);
            distance = Math.Max(distance, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }

        return distance;
    }
}
