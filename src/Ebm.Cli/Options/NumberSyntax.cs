using System.Globalization;
using System.Numerics;

namespace Ebm.Cli.Options;

/// <summary>
/// The one way <c>ebm</c> reads a number written on the command line: the invariant culture, whatever the
/// machine's; reals in <see cref="NumberStyles.Float"/> (optional sign, digits with a '.' decimal point, an
/// optional exponent, surrounding spaces), whole numbers in <see cref="NumberStyles.Integer"/> (optional sign,
/// digits, surrounding spaces).
/// </summary>
/// <remarks>
/// System.CommandLine's own conversion calls <c>double.TryParse(text)</c>, whose default style includes
/// <see cref="NumberStyles.AllowThousands"/>: "0,44" was read as 44 and "1,,,2" as 12 — in the invariant
/// culture (the tool runs with invariant globalization) as much as in any other. Neither style here allows
/// thousands separators, currency symbols, parentheses or hexadecimal, so such text is an error, never a
/// different number. Reals must be finite (NaN, infinities and overflow such as 1e999 are refused), a real
/// whose digits are not all zero must not underflow to 0 (1e-400), and -0 reads as 0.
/// </remarks>
internal static class NumberSyntax
{
    /// <summary>The style of real values.</summary>
    public const NumberStyles RealStyle = NumberStyles.Float;

    /// <summary>The style of whole-number values.</summary>
    public const NumberStyles WholeStyle = NumberStyles.Integer;

    /// <summary>How a real is written, for error messages.</summary>
    public const string RealHint = "write a finite number with '.' as the decimal point and no thousands separators, e.g. 0.44, 2 or 1e-3";

    /// <summary>A finite real, or the problem with <paramref name="text"/>.</summary>
    public static bool TryReal(string text, out double value, out string problem)
    {
        problem = "";
        if (!double.TryParse(text, RealStyle, CultureInfo.InvariantCulture, out value))
        {
            problem = $"\"{text}\" is not a number; {RealHint}";
            return false;
        }

        if (!double.IsFinite(value))
        {
            problem = $"\"{text}\" is not a finite number; {RealHint}";
            return false;
        }

        if (value == 0 && HasNonZeroDigit(text))
        {
            problem = $"\"{text}\" is too small to represent (it rounds to 0)";
            return false;
        }

        // -0 and 0 compare equal but print differently; the value a user means by "-0" is 0.
        value += 0.0;
        return true;
    }

    /// <summary>A whole number of type <typeparamref name="T"/>, or the problem with <paramref name="text"/>.</summary>
    public static bool TryWhole<T>(string text, out T value, out string problem)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        problem = "";
        if (T.TryParse(text, WholeStyle, CultureInfo.InvariantCulture, out value!)) return true;
        problem = BigInteger.TryParse(text, WholeStyle, CultureInfo.InvariantCulture, out _)
            ? $"{text.Trim()} is out of range: expected a whole number from {T.MinValue} to {T.MaxValue}"
            : $"\"{text}\" is not a whole number; write digits only, e.g. 1000 (no thousands separators, decimal points or exponents)";
        return false;
    }

    /// <summary>True when the mantissa of <paramref name="text"/> (before any exponent) has a digit other than 0.</summary>
    private static bool HasNonZeroDigit(string text)
    {
        foreach (var c in text)
        {
            if (c is 'e' or 'E') return false;
            if (c is >= '1' and <= '9') return true;
        }

        return false;
    }
}
