using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>Argument checks shared by the 2-D toy energies; a wrong shape is a programmer error, so these throw.</summary>
internal static class ToyChecks
{
    public static void RequirePoint(ReadOnlySpan<double> x, string name)
    {
        if (x.Length != 2) throw new ArgumentException($"has length {x.Length}, expected 2 (a point in the plane)", name);
    }

    public static void RequireBatch(Mat xs, string name)
    {
        if (xs.Columns != 2) throw new ArgumentException($"has {xs.Columns} columns, expected 2 (one point in the plane per row)", name);
    }

    public static void RequireNonEmptyBatch(Mat xs, string name)
    {
        RequireBatch(xs, name);
        if (xs.Rows == 0) throw new ArgumentException("the batch has no rows", name);
    }

    /// <summary>E of every row of an n x 2 batch, given the energy of one point.</summary>
    public static Vec EnergiesOf(Mat xs, string name, Func<double, double, double> energyAt)
    {
        RequireBatch(xs, name);
        return Vec.Create(xs.Rows, energies =>
        {
            for (var row = 0; row < xs.Rows; row++) energies[row] = energyAt(xs[row, 0], xs[row, 1]);
        });
    }
}
