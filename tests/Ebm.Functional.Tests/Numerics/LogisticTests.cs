using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Xunit;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>
/// The float32 logistic function: within 2^-21 relative error of the double-precision value on [-87, 88] (about two
/// ulps; a failure means a wrong coefficient or reduction constant), limits at both ends, and the same bits from the
/// vector paths as from the scalar one (so results do not depend on the CPU's vector width).
/// </summary>
public sealed class LogisticTests
{
    [Fact]
    public void AgreesWithDoublePrecisionOnARangeOfArguments()
    {
        // A million points evenly over [-87, 88], the floats around 0, and the reduction's boundaries: multiples of
        // ln 2 / 2 and their neighbours.
        var worst = 0.0;
        var points = Enumerable.Range(0, 1_000_001).Select(i => (float)(-87.0 + 175.0 * i / 1_000_000))
            .Concat(Enumerable.Range(-1000, 2001).Select(i => i * 1e-6f));
        foreach (var x in points)
        {
            var exact = 1.0 / (1.0 + Math.Exp(-(double)x));
            worst = Math.Max(worst, Math.Abs(Logistic.Sigmoid(x) - exact) / exact);
        }

        for (var m = -250; m <= 250; m++)
        {
            var edge = (float)(m * Math.Log(2) / 2);
            foreach (var x in new[] { MathF.BitDecrement(edge), edge, MathF.BitIncrement(edge) })
            {
                var exact = 1.0 / (1.0 + Math.Exp(-(double)x));
                worst = Math.Max(worst, Math.Abs(Logistic.Sigmoid(x) - exact) / exact);
            }
        }

        Assert.InRange(worst, 0.0, Math.Pow(2, -21));
    }

    [Fact]
    public void SaturatesAtBothEnds()
    {
        Assert.Equal(1f, Logistic.Sigmoid(100f));
        Assert.Equal(1f, Logistic.Sigmoid(float.MaxValue));
        Assert.Equal(0.5f, Logistic.Sigmoid(0f));
        Assert.InRange(Logistic.Sigmoid(-100f), 0f, 1e-38f);
        Assert.InRange(Logistic.Sigmoid(float.MinValue), 0f, 1e-38f);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(1000)]
    public void VectorPathsGiveTheScalarBits(int length)
    {
        var uniforms = new double[length];
        RngKey.FromSeed(4).Uniform(uniforms);
        var x = uniforms.Select(u => (float)(200 * u - 100)).ToArray();
        var inPlace = (float[])x.Clone();
        var result = new float[length];

        Logistic.Apply(x, result);
        Logistic.Apply(inPlace, inPlace);

        for (var i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(Logistic.Sigmoid(x[i])), BitConverter.SingleToInt32Bits(result[i]));
            Assert.Equal(result[i], inPlace[i]);
        }
    }

    [Fact]
    public void SpansOfDifferentLengthsAreAnArgumentException() =>
        Assert.Throws<ArgumentException>(() => Logistic.Apply(new float[3], new float[4]));
}
