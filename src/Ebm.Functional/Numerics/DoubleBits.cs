namespace Ebm.Functional.Numerics;

/// <summary>
/// IEEE-754 double bit patterns used to split a positive double into mantissa and exponent without a
/// conversion instruction.
/// </summary>
/// <remarks>
/// The biased exponent field (bits 52..62) ORed into the bits of 2^52 gives the double 2^52 + e_biased
/// exactly, so subtracting 2^52 + 1023 leaves the unbiased exponent as a double. Example: x = 12 has
/// e_biased = 1026, giving 3, and mantissa 1.5.
/// </remarks>
internal static class DoubleBits
{
    public const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    public const ulong OneBits = 0x3FF0_0000_0000_0000UL;
    public const ulong TwoTo52Bits = 0x4330_0000_0000_0000UL;
    public const double TwoTo52PlusBias = 4503599627370496.0 + 1023.0;
}
