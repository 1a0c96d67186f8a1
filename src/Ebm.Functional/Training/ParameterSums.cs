using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>The small vector sums the continuous objectives assemble their gradients from (one pass, no intermediate vectors).</summary>
internal static class ParameterSums
{
    /// <summary>a x + b y, x and y of one length.</summary>
    public static Vec Combine(double a, Vec x, double b, Vec y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"has length {y.Length}, expected {x.Length}", nameof(y));
        return Vec.Create(x.Length, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = a * x[i] + b * y[i];
        });
    }

    /// <summary>a x.</summary>
    public static Vec Scale(double a, Vec x) => Vec.Create(x.Length, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = a * x[i];
    });

    /// <summary>The rows of <paramref name="top"/> followed by those of <paramref name="bottom"/> (same width).</summary>
    public static Mat Stack(Mat top, Mat bottom)
    {
        if (top.Columns != bottom.Columns) throw new ArgumentException($"has {bottom.Columns} columns, expected {top.Columns}", nameof(bottom));
        return Mat.Create(top.Rows + bottom.Rows, top.Columns, d =>
        {
            top.Span.CopyTo(d);
            bottom.Span.CopyTo(d[top.Span.Length..]);
        });
    }

    /// <summary>The n x d matrix whose every row is the unit vector e_i.</summary>
    public static Mat UnitRows(int rows, int columns, int i) => Mat.Create(rows, columns, d =>
    {
        for (var r = 0; r < rows; r++) d[r * columns + i] = 1.0;
    });
}
