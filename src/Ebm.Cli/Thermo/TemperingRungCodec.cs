using Ebm.Cli.Output;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// Rungs and traces of a tempering run on the wire, bit for bit: energies and traces as the 64 bits of each double
/// (base64), configurations (spins, 0/1, Potts values: small integers) one signed byte per unit, prefixed <c>b:</c>, or
/// as doubles, prefixed <c>d:</c>, when a value is not such an integer. Every rung state type travels this way: the
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
            var values = wire.States.StartsWith("b:", StringComparison.Ordinal)
                ? Convert.FromBase64String(wire.States[2..]).Select(b => (double)(sbyte)b).ToArray()
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
        var bytes = new byte[values.Length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(sbyte)values[i];
        return "b:" + Convert.ToBase64String(bytes);
    }
}
