using Ebm.Functional.Prng;

namespace Ebm.Functional.Datasets;

/// <summary>The point of one row of each toy given its class; draw 0 of the row's key chose the class.</summary>
public static partial class Toys2D
{
    private const int PinwheelArms = 5;
    private const double PinwheelRadialDeviation = 0.3;
    private const double PinwheelTangentialDeviation = 0.1;
    private const double PinwheelRate = 0.25;

    private static (double X, double Y) RingPoint(RngKey row, int label)
    {
        var radius = label == 0 ? InnerRingRadius : OuterRingRadius;
        var angle = 2 * Math.PI * row.UniformAt(1);
        return (radius * Math.Cos(angle) + RingNoise * row.NormalAt(2), radius * Math.Sin(angle) + RingNoise * row.NormalAt(3));
    }

    private static (double X, double Y) MoonsPoint(RngKey row, int label)
    {
        var t = Math.PI * row.UniformAt(1);
        var (x, y) = label == 0 ? (Math.Cos(t), Math.Sin(t)) : (1 - Math.Cos(t), 0.5 - Math.Sin(t));
        return (x + MoonsNoise * row.NormalAt(2), y + MoonsNoise * row.NormalAt(3));
    }

    private static (double X, double Y) EightGaussiansPoint(RngKey row, int label)
    {
        var angle = label * Math.PI / 4;
        return (EightGaussiansRadius * Math.Cos(angle) + EightGaussiansStandardDeviation * row.NormalAt(1),
            EightGaussiansRadius * Math.Sin(angle) + EightGaussiansStandardDeviation * row.NormalAt(2));
    }

    private static (double X, double Y) CheckerboardPoint(RngKey row, int label)
    {
        // Class c owns the four filled squares whose column and row indices are both c or c + 2.
        var square = Math.Min((int)(row.UniformAt(1) * 4), 3);
        var column = label + 2 * (square & 1);
        var line = label + 2 * (square >> 1);
        const double edge = -2 * CheckerboardSquare;
        return (edge + CheckerboardSquare * (column + row.UniformAt(2)), edge + CheckerboardSquare * (line + row.UniformAt(3)));
    }

    private static (double X, double Y) SpiralsPoint(RngKey row, int label)
    {
        // sqrt(u) spreads the points evenly along the arc, whose length grows like t².
        var t = 3 * Math.PI * Math.Sqrt(row.UniformAt(1));
        var sign = label == 0 ? 1.0 : -1.0;
        return (sign * -t * Math.Cos(t) / 3 + SpiralsNoise * row.NormalAt(2), sign * t * Math.Sin(t) / 3 + SpiralsNoise * row.NormalAt(3));
    }

    private static (double X, double Y) PinwheelPoint(RngKey row, int label)
    {
        var radial = 1 + PinwheelRadialDeviation * row.NormalAt(1);
        var tangential = PinwheelTangentialDeviation * row.NormalAt(2);
        var angle = 2 * Math.PI * label / PinwheelArms + PinwheelRate * Math.Exp(radial);
        var (sin, cos) = Math.SinCos(angle);
        return (2 * (cos * radial - sin * tangential), 2 * (sin * radial + cos * tangential));
    }
}
