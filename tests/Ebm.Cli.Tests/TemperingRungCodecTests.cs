using Ebm.Cli.Thermo;
using Ebm.Functional.Numerics;
using Ebm.Functional.Thermo;

namespace Ebm.Cli.Tests;

/// <summary>Rungs and trace slices of a tempering run cross the wire bit for bit (<see cref="TemperingRungCodec"/>).</summary>
public sealed class TemperingRungCodecTests
{
    [Fact]
    public void Spins_and_potts_values_travel_packed_and_energies_as_their_bits()
    {
        var rung = new RungTransfer(3, Mat.FromRows([[1.0, -1.0, 1.0], [-1.0, -1.0, 2.0]]), Vec.Of(-0.1 * 3, double.Epsilon));
        var wire = TemperingRungCodec.Encode(rung);
        Assert.StartsWith("p:6:-1,1,2:", wire.States);   // three values: two bits a unit, 12 bits in 2 bytes
        Assert.Equal(2, Convert.FromBase64String(wire.States.Split(':')[3]).Length);
        AssertSame(rung, TemperingRungCodec.Decode(wire).Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message)));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(128, 7)]
    public void A_configuration_of_q_values_takes_the_fewest_bits_that_hold_q_indices(int q, int bits)
    {
        // 4 chains of 1,001 units (not a whole number of bytes), values -64 .. -64 + q - 1 in a fixed pseudo-random order.
        var units = 4 * 1001;
        var values = Enumerable.Range(0, units).Select(i => (double)(-64 + (int)((i * 2654435761L) % q))).ToArray();
        var rung = new RungTransfer(1, Mat.From(4, 1001, values), Vec.Of(1, 2, 3, 4));
        var wire = TemperingRungCodec.Encode(rung);
        Assert.Equal((units * bits + 7) / 8, Convert.FromBase64String(wire.States.Split(':')[3]).Length);
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
    [InlineData("b:AAAA")]
    [InlineData("p:not base64!")]
    [InlineData("p:9:-1,1:AA==")]
    [InlineData("p:8:-1,1,300:AQ==")]
    [InlineData("p:2:-1,1,2:Dw==")]
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
