using System.Numerics;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The flip probabilities of the ten site classes of a multi-spin sweep (spin s, a of the four neighbours agreeing
/// with it) grouped into: always (p &gt;= 1), never (p &lt;= 0 or NaN), and the distinct values in (0, 1), each with
/// its exact binary expansion for the bit-serial comparison with a site's uniform.
/// </summary>
/// <remarks>
/// A double p in (0, 1) is M 2^-s exactly (M a 53-bit integer): its expansion p = sum_j t_j 2^-(j+1) has
/// t_j = bit s - j - 1 of M and ends at plane s - 1 - tz(M) (at most plane 1073), so the comparison is exact.
/// </remarks>
internal sealed class MultiSpinThresholds
{
    /// <summary>Site classes: index 5 [s = +1] + a.</summary>
    public const int Classes = 10;

    /// <summary>Slot of the class mask that never flips.</summary>
    public const int NeverSlot = 0;

    /// <summary>Slot of the class mask that always flips.</summary>
    public const int AlwaysSlot = 1;

    /// <summary>Slot of distinct value v: <see cref="FirstValueSlot"/> + v.</summary>
    public const int FirstValueSlot = 2;

    /// <summary>Planes whose threshold bits are tabulated as full-word masks.</summary>
    public const int TabulatedPlanes = 64;

    private readonly ulong[] _mantissas;
    private readonly int[] _shifts;

    /// <param name="flipProbabilities">The checkerboard table: index (s &gt; 0 ? 9 : 0) + n + 4 for neighbour sum n.</param>
    public MultiSpinThresholds(IReadOnlyList<double> flipProbabilities)
    {
        SlotOfClass = new int[Classes];
        var values = new List<double>();
        for (var s = 0; s < 2; s++)
        {
            for (var a = 0; a <= 4; a++)
            {
                // The neighbour sum is n = s (2a - 4): 2a - 4 for an up spin, 4 - 2a for a down one.
                var p = flipProbabilities[s == 1 ? 9 + 2 * a : 8 - 2 * a];
                int slot;
                if (double.IsNaN(p) || p <= 0.0) slot = NeverSlot;
                else if (p >= 1.0) slot = AlwaysSlot;
                else
                {
                    var v = values.IndexOf(p);
                    if (v < 0)
                    {
                        v = values.Count;
                        values.Add(p);
                    }

                    slot = FirstValueSlot + v;
                }

                SlotOfClass[s * 5 + a] = slot;
            }
        }

        Values = values.ToArray();
        _mantissas = new ulong[Values.Length];
        _shifts = new int[Values.Length];
        LastPlane = -1;
        for (var v = 0; v < Values.Length; v++)
        {
            (_mantissas[v], _shifts[v]) = Decompose(Values[v]);
            LastPlane = Math.Max(LastPlane, _shifts[v] - 1 - BitOperations.TrailingZeroCount(_mantissas[v]));
        }

        PlaneMasks = new ulong[TabulatedPlanes * Values.Length];
        for (var plane = 0; plane < TabulatedPlanes; plane++)
        for (var v = 0; v < Values.Length; v++)
            PlaneMasks[plane * Values.Length + v] = Bit(v, plane) == 1 ? ulong.MaxValue : 0UL;
    }

    /// <summary>Slot of each class: <see cref="NeverSlot"/>, <see cref="AlwaysSlot"/> or <see cref="FirstValueSlot"/> + v.</summary>
    public int[] SlotOfClass { get; }

    /// <summary>The distinct flip probabilities strictly between 0 and 1.</summary>
    public double[] Values { get; }

    /// <summary>Slots in all: never, always and one per value.</summary>
    public int Slots => FirstValueSlot + Values.Length;

    /// <summary>The deepest plane where some value's expansion has a 1 (-1 when there is no value): past it no tie can turn into a flip.</summary>
    public int LastPlane { get; }

    /// <summary>Entry plane V + v: all ones when bit t_plane of value v is 1, else 0 (planes below <see cref="TabulatedPlanes"/>).</summary>
    public ulong[] PlaneMasks { get; }

    /// <summary>The flip probability of class 5 [s = +1] + a, as the sweep realises it.</summary>
    public double FlipProbability(int siteClass) => SlotOfClass[siteClass] switch
    {
        NeverSlot => 0.0,
        AlwaysSlot => 1.0,
        var slot => Values[slot - FirstValueSlot],
    };

    /// <summary>t_plane of value v, for any plane.</summary>
    public int Bit(int v, int plane)
    {
        var position = _shifts[v] - plane - 1;
        return position is >= 0 and < 64 ? (int)((_mantissas[v] >> position) & 1UL) : 0;
    }

    /// <summary>p = M 2^-s with M an integer below 2^53, for p in (0, 1).</summary>
    private static (ulong Mantissa, int Shift) Decompose(double p)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(p);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & ((1UL << 52) - 1);
        return exponent == 0 ? (fraction, 1074) : (fraction | (1UL << 52), 1075 - exponent);
    }
}
