using Ebm.Cli.Output;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// Rungs and traces of a tempering run on the wire, bit for bit: energies and traces as the 64 bits of each double
/// (base64), configurations (spins, 0/1, Potts values: small integers) packed, prefixed <c>p:</c> — the unit count, the
/// distinct values (at most 128, in increasing order) and each unit's index among them in the fewest bits that hold
/// every index (one bit a unit for spins or 0/1 units, two for q = 3 or 4), unit i at bit i·w of the little-endian
/// bytes — or as doubles, prefixed <c>d:</c>, when a value is not such an integer. Every rung state type travels this way: the
/// receiving block rebuilds the state from its configurations and checks the energies (<see cref="TemperingBlock"/>).
/// </summary>
internal static class TemperingRungCodec
{
    private const string What = "a tempering block's message";

    /// <summary>A rung on the wire.</summary>
    public static RungWire Encode(RungTransfer rung) => new(rung.Rung, rung.States.Rows, States(rung.States), WireDoubles.Text(rung.Energies.Span));

    /// <summary>The rung sent, or an error when the text is not one.</summary>
    public static Fin<RungTransfer> Decode(RungWire wire)
    {
        try
        {
            var energies = WireDoubles.Read(wire.Energies);
            var values = wire.States.StartsWith("p:", StringComparison.Ordinal)
                ? Unpack(wire.States[2..])
                : wire.States.StartsWith("d:", StringComparison.Ordinal) ? WireDoubles.Read(wire.States[2..]) : null;
            if (values is null || wire.Rows < 1 || energies.Length != wire.Rows || values.Length % wire.Rows != 0)
                return FinFail<RungTransfer>(ExecutionErrors.BadMessage(What, $"rung {wire.Rung} is not {wire.Rows} chains with their energies"));
            return FinSucc(new RungTransfer(wire.Rung, Mat.From(wire.Rows, values.Length / wire.Rows, values), Vec.From(energies)));
        }
        catch (FormatException e)
        {
            return FinFail<RungTransfer>(ExecutionErrors.BadMessage(What, e.Message));
        }
    }

    /// <summary>Columns <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 of a trace, row by row, as their doubles' bits.</summary>
    public static string Columns(Mat trace, int from, int count)
    {
        var values = new double[trace.Rows * count];
        for (var c = 0; c < trace.Rows; c++) trace.Row(c).Slice(from, count).CopyTo(values.AsSpan(c * count, count));
        return WireDoubles.Text(values);
    }

    /// <summary>A slice of a chains x count trace, or an error when the text holds another number of doubles.</summary>
    public static Fin<double[]> Slice(string text, int chains, int count)
    {
        try
        {
            var values = WireDoubles.Read(text);
            return values.Length == chains * count
                ? FinSucc(values)
                : FinFail<double[]>(ExecutionErrors.BadMessage(What, $"a slice of a trace of {values.Length} numbers, expected {chains} x {count}"));
        }
        catch (FormatException e)
        {
            return FinFail<double[]>(ExecutionErrors.BadMessage(What, e.Message));
        }
    }

    /// <summary>A vector of doubles from their bits, or an error.</summary>
    public static Fin<Vec> Energies(string text, int chains)
    {
        try
        {
            var values = WireDoubles.Read(text);
            return values.Length == chains ? FinSucc(Vec.From(values)) : FinFail<Vec>(ExecutionErrors.BadMessage(What, $"{values.Length} energies, expected {chains}"));
        }
        catch (FormatException e)
        {
            return FinFail<Vec>(ExecutionErrors.BadMessage(What, e.Message));
        }
    }

    private static string States(Mat states)
    {
        var values = states.Span;
        foreach (var v in values)
            if (v != Math.Round(v) || v < sbyte.MinValue || v > sbyte.MaxValue || (v == 0 && double.IsNegative(v)))
                return "d:" + WireDoubles.Text(values);
        var index = new int[256];
        foreach (var v in values) index[(int)v + 128] = 1;
        var table = new List<int>();
        for (var u = 0; u < index.Length; u++)
            if (index[u] != 0)
            {
                index[u] = table.Count;
                table.Add(u - 128);
            }

        if (table.Count > 128) return "d:" + WireDoubles.Text(values);
        var width = Width(table.Count);
        var bytes = new byte[((long)values.Length * width + 7) / 8];
        for (var i = 0; i < values.Length; i++)
        {
            var at = (long)i * width;
            var code = index[(int)values[i] + 128];
            for (var bit = 0; bit < width; bit++, at++)
                if (((code >> bit) & 1) != 0) bytes[at >> 3] |= (byte)(1 << (int)(at & 7));
        }

        return $"p:{values.Length}:{string.Join(',', table)}:{Convert.ToBase64String(bytes)}";
    }

    /// <summary>The values of <see cref="States"/>'s packed text (after <c>p:</c>), or null when it is not such text.</summary>
    private static double[]? Unpack(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)) return null;
        var table = new List<double>();
        foreach (var entry in parts[1].Split(','))
        {
            if (!sbyte.TryParse(entry, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)) return null;
            table.Add(value);
        }

        if (table.Count > 128) return null;
        var width = Width(table.Count);
        var bytes = Convert.FromBase64String(parts[2]);
        if (bytes.Length != ((long)count * width + 7) / 8) return null;
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var at = (long)i * width;
            var code = 0;
            for (var bit = 0; bit < width; bit++, at++) code |= ((bytes[at >> 3] >> (int)(at & 7)) & 1) << bit;
            if (code >= table.Count) return null;
            values[i] = table[code];
        }

        return values;
    }

    /// <summary>The bits that hold every index of a table of <paramref name="values"/> values (at least one).</summary>
    private static int Width(int values)
    {
        var width = 1;
        while (1 << width < values) width++;
        return width;
    }
}
