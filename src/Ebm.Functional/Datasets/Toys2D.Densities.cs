using Ebm.Functional.Numerics;

namespace Ebm.Functional.Datasets;

/// <summary>The closed-form log densities of the toys that have one: exactly the distributions the points are drawn from.</summary>
public static partial class Toys2D
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>
    /// Each circle of radius R convolved with N(0, σ² I): integrating the Gaussian over the uniform angle gives
    /// exp(-(r² + R²) / 2σ²) I0(r R / σ²) / (2 pi σ²), written as exp(-(r - R)² / 2σ²) [e^(-z) I0(z)] / (2 pi σ²) with
    /// z = r R / σ², so nothing overflows; the two circles have weight 1/2 each.
    /// </summary>
    private static double RingLogDensity(double x, double y)
    {
        var r = Math.Sqrt(x * x + y * y);
        var variance = RingNoise * RingNoise;
        Span<double> circles = stackalloc double[2];
        circles[0] = Circle(r, InnerRingRadius, variance);
        circles[1] = Circle(r, OuterRingRadius, variance);
        return LogSpace.LogSumExp(circles) - Math.Log(2);

        static double Circle(double r, double radius, double variance) =>
            -LogTwoPi - Math.Log(variance) - (r - radius) * (r - radius) / (2 * variance) + Math.Log(ScaledBessel.I0(r * radius / variance));
    }

    private static double EightGaussiansLogDensity(double x, double y)
    {
        var variance = EightGaussiansStandardDeviation * EightGaussiansStandardDeviation;
        Span<double> components = stackalloc double[8];
        for (var k = 0; k < 8; k++)
        {
            var (sin, cos) = Math.SinCos(k * Math.PI / 4);
            double dx = x - EightGaussiansRadius * cos, dy = y - EightGaussiansRadius * sin;
            components[k] = -(dx * dx + dy * dy) / (2 * variance);
        }

        return LogSpace.LogSumExp(components) - Math.Log(8) - LogTwoPi - Math.Log(variance);
    }

    /// <summary>1/32 on the 8 filled squares of area 4 (the squares are half-open, [a, a + 2), as the draws are).</summary>
    private static double CheckerboardLogDensity(double x, double y)
    {
        const double edge = 2 * CheckerboardSquare;
        if (!(x >= -edge && x < edge && y >= -edge && y < edge)) return double.NegativeInfinity;
        var column = (int)Math.Floor((x + edge) / CheckerboardSquare);
        var line = (int)Math.Floor((y + edge) / CheckerboardSquare);
        return (column + line) % 2 == 0 ? -Math.Log(8 * CheckerboardSquare * CheckerboardSquare) : double.NegativeInfinity;
    }
}
