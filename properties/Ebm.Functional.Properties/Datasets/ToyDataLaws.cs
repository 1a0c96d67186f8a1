using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Datasets;

/// <summary>
/// Laws of the 2-D toys and of standardisation on random seeds and sizes: a toy's first n rows do not depend on how
/// many are drawn, its labelled variant carries the same points, and standardisation commutes with an affine change of
/// units (shift a + b mean, scale |b| sd) and maps the data to mean 0 and spread 1.
/// </summary>
public class ToyDataLaws
{
    [Property(MaxTest = 100)]
    public bool A_toys_rows_do_not_depend_on_the_count_drawn(byte toy, byte shorter, byte extra, ulong seed)
    {
        var name = Toys2D.Names[toy % Toys2D.Names.Count];
        var key = RngKey.FromSeed(seed);
        var few = Toys2D.Sample(key, name, shorter).Match(m => m, _ => Mat.Zeros(1, 1));
        var many = Toys2D.SampleLabelled(key, name, shorter + extra).Match(m => m, _ => Mat.Zeros(1, 1));
        if (few.Rows != shorter || many.Rows != shorter + extra) return false;
        for (var r = 0; r < shorter; r++)
            if (few[r, 0] != many[r, 0] || few[r, 1] != many[r, 1])
                return false;
        return true;
    }

    [Property(MaxTest = 200)]
    public bool Standardisation_commutes_with_a_change_of_units(int seed, byte rows, byte columns, sbyte logScale, short offset)
    {
        var (n, d) = (2 + rows % 40, 1 + columns % 4);
        var b = Math.Pow(2, logScale % 20) * (seed % 2 == 0 ? 1 : -1);
        // The law holds up to the rounding of a + b x, which is relative to |a|: an offset of up to 47 |b| keeps that
        // rounding (47 |b| 2^-53 per value) far below the tolerances, while an unrelated offset (|a| / |b| up to 2e9 for b
        // = 2^-19) would make the changed data's own rounding exceed them, or leave a column Fit must refuse as constant.
        var a = Math.Abs(b) * offset / 700.0;
        var key = RngKey.FromSeed((ulong)seed);
        var data = Mat.Create(n, d, x => key.Normal(x));
        var changed = Mat.Create(n, d, x =>
        {
            for (var k = 0; k < x.Length; k++) x[k] = a + b * data.Span[k];
        });
        return Standardisation.Fit(data).Match(
            Succ: original => Standardisation.Fit(changed).Match(
                Succ: scaled =>
                {
                    for (var c = 0; c < d; c++)
                    {
                        // Two-pass moments are accurate to a few ulps of the data's magnitude, |a| + |b| max |x|.
                        var magnitude = Math.Abs(a) + Math.Abs(b) * (Math.Abs(original.Shift[c]) + 10 * original.Scale[c]);
                        if (Math.Abs(scaled.Shift[c] - (a + b * original.Shift[c])) > 1e-12 * magnitude) return false;
                        if (Math.Abs(scaled.Scale[c] - Math.Abs(b) * original.Scale[c]) > 1e-10 * Math.Abs(b) * original.Scale[c]) return false;
                    }

                    return StandardisedMoments(changed, scaled);
                },
                Fail: _ => false),
            Fail: _ => false);
    }

    private static bool StandardisedMoments(Mat data, InputScaling scaling)
    {
        var u = new double[data.Columns];
        var (sum, squares) = (new double[data.Columns], new double[data.Columns]);
        for (var r = 0; r < data.Rows; r++)
        {
            scaling.Apply(data.Row(r), u);
            for (var c = 0; c < u.Length; c++) (sum[c], squares[c]) = (sum[c] + u[c], squares[c] + u[c] * u[c]);
        }

        for (var c = 0; c < u.Length; c++)
            if (Math.Abs(sum[c] / data.Rows) > 1e-9 || Math.Abs(squares[c] / data.Rows - 1) > 1e-9) return false;
        return true;
    }
}
