using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>Stable log-space functions against exact values: logs of small integers and series limits.</summary>
public class LogSpaceTests
{
    /// <summary>Four roundings of slack: the exp, the log and the two additions of the formulas.</summary>
    private const double Tolerance = 4 * 2.220446049250313e-16;

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void LogSumExpOfLogsOfIntegersIsTheLogOfTheirSum()
    {
        AssertRelative(Math.Log(2), LogSpace.LogSumExp([0.0, 0.0]));
        AssertRelative(Math.Log(6), LogSpace.LogSumExp([Math.Log(1), Math.Log(2), Math.Log(3)]));
        AssertRelative(Math.Log(1000), LogSpace.LogSumExp(new double[1000]));
        AssertRelative(Math.Log(45), LogSpace.LogSumExp(Enumerable.Range(0, 10).Select(i => Math.Log(i)).ToArray()));
    }

    [Fact]
    public void LogSumExpDoesNotOverflowOrUnderflow()
    {
        AssertRelative(1000 + Math.Log(2), LogSpace.LogSumExp([1000.0, 1000.0]));
        AssertRelative(-1000 + Math.Log(3), LogSpace.LogSumExp([-1000.0, -1000.0, -1000.0]));
        Assert.Equal(0.0, LogSpace.LogSumExp([0.0, -800.0]));
        // log(1 + e^-40) = e^-40 - e^-80/2 + ...: the second term is below e^-40's last bit.
        AssertRelative(Math.Exp(-40), LogSpace.LogSumExp([0.0, -40.0]));
    }

    [Fact]
    public void LogSumExpOfOneValueIsThatValue()
    {
        foreach (var x in new[] { -1e300, -3.5, 0.0, 1e-300, 709.8, 1e308 })
            Assert.Equal(x, LogSpace.LogSumExp([x]));
    }

    [Fact]
    public void LogSumExpEdgeCases()
    {
        Assert.Equal(double.NegativeInfinity, LogSpace.LogSumExp([]));
        Assert.Equal(double.NegativeInfinity, LogSpace.LogSumExp([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(3.0, LogSpace.LogSumExp([double.NegativeInfinity, 3.0, double.NegativeInfinity]));
        Assert.Equal(double.PositiveInfinity, LogSpace.LogSumExp([1.0, double.PositiveInfinity, double.NegativeInfinity]));
        Assert.Equal(double.NaN, LogSpace.LogSumExp([double.PositiveInfinity, double.NaN]));
        Assert.Equal(double.NaN, LogSpace.LogSumExp([1.0, 2.0, 3.0, 4.0, 5.0, double.NaN, 7.0]));
    }

    [Fact]
    public void LogMeanExpIsTheLogOfTheArithmeticMean()
    {
        AssertRelative(Math.Log(3), LogSpace.LogMeanExp([Math.Log(2), Math.Log(4)]));
        AssertRelative(-700 + Math.Log(2.5), LogSpace.LogMeanExp([-700 + Math.Log(1), -700 + Math.Log(4)]));
        Assert.Throws<ArgumentException>(() => LogSpace.LogMeanExp([]));
    }

    [Fact]
    public void LogSumExpRowsReducesEachRow()
    {
        var x = Mat.FromRows([[0.0, 0.0], [Math.Log(2), Math.Log(6)], [double.NegativeInfinity, double.NegativeInfinity]]);

        var rows = LogSpace.LogSumExpRows(x);

        AssertRelative(Math.Log(2), rows[0]);
        AssertRelative(Math.Log(8), rows[1]);
        Assert.Equal(double.NegativeInfinity, rows[2]);
        Assert.Throws<ArgumentException>(() => LogSpace.LogSumExpRows(new double[5], 2, new double[2]));
    }

    [Fact]
    public void SoftplusKnownValues()
    {
        AssertRelative(Math.Log(2), LogSpace.Softplus(0));
        AssertRelative(Math.Log(4), LogSpace.Softplus(Math.Log(3)));
        AssertRelative(Math.Log(4.0 / 3), LogSpace.Softplus(-Math.Log(3)));
        AssertRelative(Math.Exp(-40), LogSpace.Softplus(-40));
        Assert.Equal(800.0, LogSpace.Softplus(800));
        Assert.Equal(0.0, LogSpace.Softplus(-800));
        Assert.Equal(double.PositiveInfinity, LogSpace.Softplus(double.PositiveInfinity));
        Assert.Equal(0.0, LogSpace.Softplus(double.NegativeInfinity));
        Assert.Equal(double.NaN, LogSpace.Softplus(double.NaN));
    }

    [Fact]
    public void SoftplusOfVeryNegativeArgumentsIsTheTinyPositiveExponential()
    {
        // exp(-700) ~ 9.86e-305 is a normal double, exp(-740) ~ 4.2e-322 a denormal: both positive, not NaN.
        AssertRelative(Math.Exp(-700), LogSpace.Softplus(-700));
        var denormal = LogSpace.Softplus(-740);
        Assert.True(denormal > 0 && denormal < double.Epsilon * 1e3, $"got {denormal:R}");
    }

    [Fact]
    public void SoftplusAgreesWithGoldbergsLog1pAcrossTheReductionBoundary()
    {
        // The kernel's log1p(e) switches reductions at e = sqrt 2 - 1, i.e. x = -log(sqrt 2 - 1) ~ 0.8814;
        // the reference log1p (Goldberg 1991, Theorem 4) shares no code with it.
        for (var i = -4000; i <= 4000; i++)
        {
            var x = i / 1000.0;
            var reference = Math.Max(x, 0) + LogSpace.Log1p(Math.Exp(-Math.Abs(x)));
            AssertRelative(reference, LogSpace.Softplus(x));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(784)]
    [InlineData(10_000)]
    public void SoftplusSumIsTheSumOfSoftplusWithinItsErrorBound(int length)
    {
        var x = new double[length];
        Ebm.Functional.Prng.RngKey.FromSeed((ulong)length).Normal(x);
        for (var i = 0; i < length; i++) x[i] *= 8;
        var reference = x.Sum(LogSpace.Softplus);

        // One rounding per factor and per product, plus the two sums: (2n + 4) eps of the total's scale.
        var bound = (2.0 * length + 4) * 2.220446049250313e-16 * (1 + reference);
        Assert.InRange(LogSpace.SoftplusSum(x), reference - bound, reference + bound);
        Assert.InRange(LogSpaceFunctions.SoftplusSumPreferred(x), reference - bound, reference + bound);
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
            Assert.InRange(LogSpaceFunctions.SoftplusSum512(x), reference - bound, reference + bound);
    }

    [Fact]
    public void SoftplusSumKnownValues()
    {
        Assert.Equal(0.0, LogSpace.SoftplusSum([]));
        AssertRelative(10_000 * Math.Log(2), LogSpace.SoftplusSum(new double[10_000]));
        AssertRelative(800.0 * 9 + 9 * Math.Log(2), LogSpace.SoftplusSum([800, 800, 800, 800, 800, 800, 800, 800, 800, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Equal(0.0, LogSpace.SoftplusSum([double.NegativeInfinity, double.NegativeInfinity, -800.0]));
        Assert.Equal(double.PositiveInfinity, LogSpace.SoftplusSum([1, 2, double.PositiveInfinity, 4, 5, 6, 7, 8, 9]));
        Assert.Equal(double.NaN, LogSpace.SoftplusSum([1, 2, 3, 4, 5, 6, 7, 8, double.NaN]));
        Assert.Equal(double.NaN, LogSpace.SoftplusSum([double.NaN]));
    }

    [Fact]
    public void SigmoidKnownValues()
    {
        Assert.Equal(0.5, LogSpace.Sigmoid(0));
        AssertRelative(0.75, LogSpace.Sigmoid(Math.Log(3)));
        AssertRelative(0.25, LogSpace.Sigmoid(-Math.Log(3)));
        AssertRelative(Math.Exp(-40), LogSpace.Sigmoid(-40));
        Assert.Equal(1.0, LogSpace.Sigmoid(800));
        Assert.Equal(0.0, LogSpace.Sigmoid(-800));
        Assert.Equal(1.0, LogSpace.Sigmoid(double.PositiveInfinity));
        Assert.Equal(0.0, LogSpace.Sigmoid(double.NegativeInfinity));
        Assert.Equal(double.NaN, LogSpace.Sigmoid(double.NaN));
    }

    [Fact]
    public void LogSigmoidKnownValues()
    {
        AssertRelative(-Math.Log(2), LogSpace.LogSigmoid(0));
        AssertRelative(Math.Log(0.75), LogSpace.LogSigmoid(Math.Log(3)));
        AssertRelative(-Math.Exp(-40), LogSpace.LogSigmoid(40));
        Assert.Equal(-800.0, LogSpace.LogSigmoid(-800));
        Assert.Equal(0.0, LogSpace.LogSigmoid(800));
        Assert.Equal(double.NegativeInfinity, LogSpace.LogSigmoid(double.NegativeInfinity));
        Assert.Equal(double.NaN, LogSpace.LogSigmoid(double.NaN));
    }

    [Fact]
    public void Log1pKnownValues()
    {
        // log(1 + x) = x - x^2/2 + x^3/3 - ...
        AssertRelative(1e-10 - 0.5e-20, LogSpace.Log1p(1e-10));
        Assert.Equal(1e-20, LogSpace.Log1p(1e-20));
        Assert.Equal(0.0, LogSpace.Log1p(0));
        AssertRelative(Math.Log(2), LogSpace.Log1p(1));
        AssertRelative(Math.Log(0.5), LogSpace.Log1p(-0.5));
        Assert.Equal(double.NegativeInfinity, LogSpace.Log1p(-1));
        Assert.Equal(double.PositiveInfinity, LogSpace.Log1p(double.PositiveInfinity));
        Assert.Equal(double.NaN, LogSpace.Log1p(-2));
    }

    public static TheoryData<int> Lengths => new() { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 100 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SpanKernelsMatchTheScalarFunctionsBitForBitAtEveryPosition(int length)
    {
        var x = Enumerable.Range(0, length).Select(i => (i * 37 % 101 - 50) * 0.731).ToArray();
        var softplus = new double[length];
        var sigmoid = new double[length];
        var logSigmoid = new double[length];

        LogSpace.Softplus(x, softplus);
        LogSpace.Sigmoid(x, sigmoid);
        LogSpace.LogSigmoid(x, logSigmoid);

        Assert.Equal(x.Select(LogSpace.Softplus), softplus);
        Assert.Equal(x.Select(LogSpace.Sigmoid), sigmoid);
        Assert.Equal(x.Select(LogSpace.LogSigmoid), logSigmoid);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SpanKernelsWorkInPlace(int length)
    {
        var x = Enumerable.Range(0, length).Select(i => i - 20.5).ToArray();
        var inPlace = (double[])x.Clone();

        LogSpace.Softplus(inPlace, inPlace);

        Assert.Equal(x.Select(LogSpace.Softplus), inPlace);
    }

    [Fact]
    public void SpanKernelsRejectMismatchedOrPartlyOverlappingSpans()
    {
        var buffer = new double[10];
        Assert.Throws<ArgumentException>(() => LogSpace.Sigmoid(new double[3], new double[4]));
        Assert.Throws<ArgumentException>(() => LogSpace.Softplus(buffer.AsSpan(0, 8), buffer.AsSpan(2, 8)));
    }

    [Fact]
    public void VecOverloadsApplyTheScalarFunctionToEachEntry()
    {
        var x = Vec.Of(-3, -0.5, 0, 2, 50);

        Assert.Equal(x.Map(LogSpace.Softplus), LogSpace.Softplus(x));
        Assert.Equal(x.Map(LogSpace.Sigmoid), LogSpace.Sigmoid(x));
        Assert.Equal(x.Map(LogSpace.LogSigmoid), LogSpace.LogSigmoid(x));
    }
}
