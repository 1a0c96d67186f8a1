namespace Ebm.Functional.Exact;

/// <summary>
/// Orbits of the row states of a periodic row of w spins under rotation, reflection and (at zero field)
/// reversal of every spin, for tracing the transfer matrix of a torus one representative per orbit.
/// </summary>
/// <remarks>
/// The transfer matrix T of a periodic lattice commutes with these symmetries of a row, so
/// &lt;g s|T^L|g s&gt; = &lt;s|T^L|s&gt; with the same energy distribution, and the trace needs one diagonal
/// element per orbit weighted by the orbit size: about 2^w / (2w) of them (half that at zero field).
/// Bit c of a row state is spin c, 1 for +1.
/// </remarks>
internal static class IsingRowSymmetry
{
    /// <summary>The smallest state of each orbit and the orbit's size, in increasing order of the representative.</summary>
    public static (int[] Representatives, int[] Sizes) Orbits(int width, bool withSpinReversal)
    {
        var count = 1 << width;
        var sizes = new int[count];
        for (var state = 0; state < count; state++) sizes[Canonical(state, width, withSpinReversal)]++;
        var representatives = Enumerable.Range(0, count).Where(s => sizes[s] > 0).ToArray();
        return (representatives, representatives.Select(s => sizes[s]).ToArray());
    }

    private static int Canonical(int state, int width, bool withSpinReversal)
    {
        var mask = (1 << width) - 1;
        var best = state;
        var reflected = Reverse(state, width);
        for (var shift = 0; shift < width; shift++)
        {
            var rotated = Rotate(state, shift, width);
            var rotatedReflection = Rotate(reflected, shift, width);
            best = Math.Min(best, Math.Min(rotated, rotatedReflection));
            if (withSpinReversal) best = Math.Min(best, Math.Min(~rotated & mask, ~rotatedReflection & mask));
        }

        return best;
    }

    private static int Rotate(int state, int shift, int width) =>
        shift == 0 ? state : ((state << shift) | (state >> (width - shift))) & ((1 << width) - 1);

    private static int Reverse(int state, int width)
    {
        var reversed = 0;
        for (var bit = 0; bit < width; bit++)
            if (((state >> bit) & 1) == 1) reversed |= 1 << (width - 1 - bit);
        return reversed;
    }
}
