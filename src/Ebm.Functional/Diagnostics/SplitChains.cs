using Ebm.Functional.Numerics;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Splits each chain into its first and second half, so that a trend within one chain shows up as a difference
/// between two chains (Gelman, Carlin, Stern, Dunson, Vehtari and Rubin 2013, BDA3 §11.4).
/// </summary>
/// <remarks>
/// Row c of the C x T input becomes rows 2c (draws 0 .. ⌊T/2⌋ - 1) and 2c + 1 (the last ⌊T/2⌋ draws) of a
/// 2C x ⌊T/2⌋ result; when T is odd the middle draw is dropped, as in Stan, posterior and ArviZ.
/// </remarks>
public static class SplitChains
{
    /// <summary>The 2C x ⌊T/2⌋ matrix of half-chains.</summary>
    /// <example><c>SplitChains.Apply(Mat.FromRows([[1, 2, 3, 4, 5]]))</c> is [[1, 2], [4, 5]].</example>
    public static Mat Apply(Mat draws)
    {
        var half = draws.Columns / 2;
        return Mat.Create(2 * draws.Rows, half, destination =>
        {
            for (var c = 0; c < draws.Rows; c++)
            {
                var row = draws.Row(c);
                row[..half].CopyTo(destination.Slice(2 * c * half, half));
                row[^half..].CopyTo(destination.Slice((2 * c + 1) * half, half));
            }
        });
    }
}
