using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The chain rule of an <see cref="InputScaling"/> u = (x - shift) / scale for the MLP models: points and directions in
/// data units become network units, gradients in u become gradients in x.
/// </summary>
/// <remarks>
/// With D = diag(scale): grad_x E = D^-1 grad_u f, v · grad_x E = (D^-1 v) · grad_u f and
/// v^T (grad_x² E) v = (D^-1 v)^T (grad_u² f) (D^-1 v), so a direction v in data units is the tangent D^-1 v in network units.
/// </remarks>
internal static class MlpInputs
{
    /// <summary>u_r = (x_r - shift) / scale for each row, row-major.</summary>
    /// <exception cref="ArgumentException">The rows do not have the scaling's coordinates.</exception>
    public static double[] Points(InputScaling scaling, Mat xs, string name)
    {
        Check(scaling, xs, xs?.Rows ?? 0, name);
        var d = scaling.Dimension;
        var u = new double[xs!.Rows * d];
        for (var r = 0; r < xs.Rows; r++) scaling.Apply(xs.Row(r), u.AsSpan(r * d, d));
        return u;
    }

    /// <summary>t_r = v_r / scale for each row: directions in data units as tangents in network units.</summary>
    /// <exception cref="ArgumentException">The directions are not <paramref name="rows"/> x d.</exception>
    public static double[] Directions(InputScaling scaling, Mat vs, int rows, string name)
    {
        Check(scaling, vs, rows, name);
        var d = scaling.Dimension;
        var scale = scaling.Scale.Span;
        var t = vs.Span.ToArray();
        for (var i = 0; i < t.Length; i++) t[i] /= scale[i % d];
        return t;
    }

    /// <summary>grad_x = grad_u / scale for each row, as an n x d matrix that takes ownership of <paramref name="gradients"/>.</summary>
    public static Mat Gradients(InputScaling scaling, double[] gradients)
    {
        var d = scaling.Dimension;
        var scale = scaling.Scale.Span;
        for (var i = 0; i < gradients.Length; i++) gradients[i] /= scale[i % d];
        return Mat.Wrap(gradients.Length / d, d, gradients);
    }

    /// <summary>One point x as a 1 x d batch, for the one-row members of the models (the same bits as in any batch).</summary>
    /// <exception cref="ArgumentException">x does not have the scaling's coordinates.</exception>
    public static Mat Point(InputScaling scaling, ReadOnlySpan<double> x, string name) =>
        x.Length == scaling.Dimension
            ? Mat.From(1, x.Length, x)
            : throw new ArgumentException($"has length {x.Length}, expected {scaling.Dimension}", name);

    /// <summary>Copies a 1 x d gradient into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination does not have the scaling's coordinates.</exception>
    public static void CopyGradient(InputScaling scaling, Mat gradient, Span<double> destination, string name)
    {
        if (destination.Length != scaling.Dimension)
            throw new ArgumentException($"has length {destination.Length}, expected {scaling.Dimension}", name);
        gradient.Row(0).CopyTo(destination);
    }

    private static void Check(InputScaling scaling, Mat? m, int rows, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.Columns != scaling.Dimension || m.Rows != rows)
            throw new ArgumentException($"is {m.Rows} x {m.Columns}, expected {rows} x {scaling.Dimension}", name);
    }
}
