using Ebm.Cli.Thermo;
using Ebm.Functional.Numerics;
using Ebm.Functional.Thermo;

namespace Ebm.Cli.Tests;

/// <summary>Rungs and trace slices of a tempering run cross the wire bit for bit (<see cref="TemperingRungCodec"/>).</summary>
public sealed class TemperingRungCodecTests
{
    [Fact]
    public void Spins_and_potts_values_travel_as_bytes_and_energies_as_their_bits()
    {
        var rung = new RungTransfer(3, Mat.FromRows([[1.0, -1.0, 1.0], [-1.0, -1.0, 2.0]]), Vec.Of(-0.1 * 3, double.Epsilon));
        var wire = TemperingRungCodec.Encode(rung);
        Assert.StartsWith("b:", wire.States);
        AssertSame(rung, TemperingRungCodec.Decode(wire).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(200.0)]
    [InlineData(-0.0)]
    public void Other_values_travel_as_doubles(double odd)
    {
        var rung = new RungTransfer(0, Mat.FromRows([[1.0, odd]]), Vec.Of(1.25));
        var wire = TemperingRungCodec.Encode(rung);
        Assert.StartsWith("d:", wire.States);
        AssertSame(rung, TemperingRungCodec.Decode(wire).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message)));
    }

    [Fact]
    public void A_slice_of_a_trace_is_its_columns_row_by_row()
    {
        var trace = Mat.FromRows([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]);
        var slice = TemperingRungCodec.Slice(TemperingRungCodec.Columns(trace, 1, 2), 2, 2).Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal([2.0, 3.0, 6.0, 7.0], slice);
        Assert.True(TemperingRungCodec.Slice(TemperingRungCodec.Columns(trace, 1, 2), 2, 3).IsFail);
    }

    [Theory]
    [InlineData("x:AAAA")]
    [InlineData("b:not base64!")]
    public void Text_that_is_not_a_rung_is_an_error(string states) =>
        Assert.True(TemperingRungCodec.Decode(new RungWire(1, 1, states, Convert.ToBase64String(new byte[8]))).IsFail);

    private static void AssertSame(RungTransfer expected, RungTransfer actual)
    {
        Assert.Equal(expected.Rung, actual.Rung);
        Assert.Equal((expected.States.Rows, expected.States.Columns), (actual.States.Rows, actual.States.Columns));
        Assert.Equal(expected.States.Span.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.States.Span.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.Energies.Span.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.Energies.Span.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }
}
