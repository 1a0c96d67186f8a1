using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Prng;

/// <summary>
/// Philox4x32-10 against the published known-answer vectors: Random123 (Salmon et al., SC 2011),
/// file tests/kat_vectors, the three "philox4x32 10" lines (counter words, key words, expected output).
/// </summary>
public class PhiloxKnownAnswerTests
{
    public static TheoryData<uint[], uint[], uint[]> Vectors => new()
    {
        { [0x00000000, 0x00000000, 0x00000000, 0x00000000], [0x00000000, 0x00000000], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8] },
        { [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd] },
        { [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1] },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void BlockReproducesTheRandom123Vector(uint[] counter, uint[] key, uint[] expected)
    {
        var (x0, x1, x2, x3) = Philox.Block(counter[0], counter[1], counter[2], counter[3], key[0], key[1]);

        Assert.Equal(expected, new[] { x0, x1, x2, x3 });
    }

    [Fact]
    public void KeyBitsAreTheBlockOfTheIndexUnderTheKey()
    {
        // Draw j of key (k0, k1) is block (j mod 2^32, j div 2^32, 0, 0): with key words and index from
        // the first vector's layout, the zero vector is draw 0 of key (0, 0).
        var bits = new RngKey(0, 0).Bits(0);

        Assert.Equal((0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u), bits);
    }

    [Fact]
    public void KeyBitsSplitTheIndexIntoLowAndHighCounterWords()
    {
        var index = (0x85a308d3L << 32) | 0x243f6a88L;

        var bits = new RngKey(0xa4093822, 0x299f31d0).Bits(index);

        Assert.Equal(Philox.Block(0x243f6a88, 0x85a308d3, 0, 0, 0xa4093822, 0x299f31d0), bits);
    }
}
