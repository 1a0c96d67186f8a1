using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>
/// Generators of hostile bytes for the file readers: random byte strings, and valid files changed by one to
/// four mutations (bit flips, byte insertions and deletions, truncation, splicing two valid files, numbers
/// replaced by extreme literals or hostile values, duplicated keys, byte-order marks, invalid UTF-8, escaped
/// halves of surrogate pairs, deep nesting, huge arrays and long strings).
/// </summary>
public static class ByteMutations
{
    /// <summary>Number-like literals at the edges of double and int, and non-numbers where numbers stand.</summary>
    private static readonly string[] ExtremeLiterals =
    [
        "1e308", "-1e308", "1.7976931348623157e308", "1e309", "1e999", "-1e999", "-0", "-0.0", "0e-5", "1e-320", "4.9e-324", "2.5e-324",
        "9007199254740993", "2147483647", "2147483648", "-2147483649", "1e12", "0.1", "1e", "-", "00", "+1", ".5", "0x1F",
        "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"-Infinity\"", "\"1\"", "null", "true", "[]", "{}", "\"\"",
    ];

    /// <summary>Text that no valid file holds: invalid UTF-8, escapes of half surrogates, control bytes, byte-order marks.</summary>
    private static readonly byte[][] HostileSnippets =
    [
        [0xEF, 0xBB, 0xBF], [0xFF], [0xFE, 0xFF], [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0x00], [0x0B], [0x1B], [(byte)'\r'], [(byte)'\n'], [(byte)'#'], [(byte)'"'], [(byte)'\\'],
        Utf8("\\ud800"), Utf8("\\udc00"), Utf8("\\ud800\\udc00"), Utf8("\"\\ud800\""), Utf8("\"a\\uDBFF\""), Utf8("\\u0000"), Utf8("\u00e9\u2028\ud83d\ude00"),
        Utf8("\"kind\":\"ring\","), Utf8("\"kind\":\"ising\",\"rows\":4097,\"columns\":4096,"), Utf8("{\"a\":1,\"a\":2}"),
    ];

    private static readonly byte[] InterestingBytes = [0x00, 0xFF, 0x80, 0xC0, 0xED, 0xEF, (byte)'"', (byte)'\\', (byte)'[', (byte)'{', (byte)',', (byte)'-', (byte)'0', (byte)'e', (byte)' ', (byte)'\n'];

    /// <summary>Random byte strings of up to 300 bytes: uniform bytes, or bytes from the characters of the formats.</summary>
    public static Gen<FuzzInput> RandomBytes() =>
        from uniform in Gen.Elements(false, true)
        from length in Gen.Choose(0, 300)
        from bytes in Gen.ArrayOf(uniform ? Gen.Choose(0, 255).Select(b => (byte)b) : Gen.Elements(Utf8("{}[],:\"\\ -+.0123456789eEtrunlfas#;\t\r\n")), length)
        select new FuzzInput(bytes, uniform ? "uniform random bytes" : "random format characters");

    /// <summary>One of <paramref name="valid"/> changed by one to four mutations.</summary>
    public static Gen<FuzzInput> Mutations(IReadOnlyList<byte[]> valid) =>
        from start in Gen.Choose(0, valid.Count - 1)
        from count in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Choose(3, 4)))
        from steps in Gen.ArrayOf(Mutation(valid), count)
        select steps.Aggregate(new FuzzInput(valid[start], $"valid file {start}"), (input, step) => step(input));

    private static Gen<Func<FuzzInput, FuzzInput>> Mutation(IReadOnlyList<byte[]> valid)
    {
        var at = Gen.Choose(0, int.MaxValue);
        // Structural mutations keep the text JSON (or the format) more often than byte-level ones, so that the
        // reader's later stages (types, sizes, the model checks) see as many cases as its parser.
        return Gen.Frequency(
            (2, from p in at from bit in Gen.Choose(0, 7) select Step($"flip bit {bit} at {p}", b => FlipBit(b, p, bit))),
            (2, from p in at from value in Gen.Elements(InterestingBytes) select Step($"insert 0x{value:X2} at {p}", b => Insert(b, p, [value]))),
            (2, from p in at from n in Gen.Choose(1, 16) select Step($"delete {n} bytes at {p}", b => Delete(b, p, n))),
            (1, from p in at select Step($"truncate at {p}", b => b[..Position(b, p)])),
            (2, from other in Gen.Choose(0, valid.Count - 1) from p in at from q in at select Step($"splice with valid file {other} at {p}, {q}", b => Splice(b, p, valid[other], q))),
            (8, from k in at from value in HostileValue() select Step($"number {k} becomes {Describe(value)}", b => ReplaceNumber(b, k, value))),
            (3, from k in at from value in HostileValue() select Step($"key {k} given again as {Describe(value)}", b => DuplicateKey(b, k, value))),
            (2, from p in at from snippet in Gen.Elements(HostileSnippets) select Step($"insert {FuzzInput.Preview(snippet)} at {p}", b => Insert(b, p, snippet))),
            (1, Gen.Constant(Step("prepend a byte-order mark", b => [0xEF, 0xBB, 0xBF, .. b]))));
    }

    /// <summary>A value to put where a number stood: an extreme literal, deep nesting, a huge array or a long string.</summary>
    private static Gen<byte[]> HostileValue() => Gen.Frequency(
        (6, Gen.Elements(ExtremeLiterals).Select(Utf8)),
        (1, Gen.Elements(63, 64, 65, 1000, 100_000).Select(depth => Utf8(new string('[', depth) + "1" + new string(']', depth)))),
        (1, Gen.Elements(2, 5000, 70_000).Select(length => Utf8("[" + string.Join(",", Enumerable.Repeat("0", length)) + "]"))),
        (1, Gen.Elements(2, 5000).Select(rows => Utf8("[" + string.Join(",", Enumerable.Repeat("[0.5,-0.5]", rows)) + "]"))),
        (1, Gen.Elements(100, 100_000).Select(length => Utf8("\"" + new string('k', length) + "\""))));

    private static Func<FuzzInput, FuzzInput> Step(string how, Func<byte[], byte[]> change) =>
        input => new FuzzInput(change(input.Bytes), $"{input.How}; {how}");

    private static string Describe(byte[] value) => value.Length <= 40 ? FuzzInput.Preview(value) : $"{value.Length} bytes starting {FuzzInput.Preview(value[..20])}";

    private static int Position(byte[] bytes, int p) => p % (bytes.Length + 1);

    private static byte[] FlipBit(byte[] bytes, int p, int bit)
    {
        if (bytes.Length == 0) return bytes;
        var copy = bytes.ToArray();
        copy[p % copy.Length] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int p, byte[] text)
    {
        var at = Position(bytes, p);
        return [.. bytes[..at], .. text, .. bytes[at..]];
    }

    private static byte[] Delete(byte[] bytes, int p, int n)
    {
        var at = Position(bytes, p);
        return [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + n)..]];
    }

    private static byte[] Splice(byte[] first, int p, byte[] second, int q) => [.. first[..Position(first, p)], .. second[Position(second, q)..]];

    /// <summary>
    /// Replaces number k (mod the count; numbers are maximal runs of [-+.0-9eE] starting with a digit or '-',
    /// outside double quotes) by <paramref name="value"/>.
    /// </summary>
    private static byte[] ReplaceNumber(byte[] bytes, int k, byte[] value)
    {
        var numbers = Tokens(bytes, b => b is (byte)'-' or >= (byte)'0' and <= (byte)'9', b => b is (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E' or >= (byte)'0' and <= (byte)'9');
        if (numbers.Count == 0) return Insert(bytes, k, value);
        var (start, end) = numbers[k % numbers.Count];
        return [.. bytes[..start], .. value, .. bytes[end..]];
    }

    /// <summary>Copies key k (a quoted string followed by ':') to the front of its object, with <paramref name="value"/>.</summary>
    private static byte[] DuplicateKey(byte[] bytes, int k, byte[] value)
    {
        var keys = new List<(int Start, int End)>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'"') continue;
            var close = Array.IndexOf(bytes, (byte)'"', i + 1);
            if (close < 0) break;
            var colon = close + 1;
            while (colon < bytes.Length && bytes[colon] == (byte)' ') colon++;
            if (colon < bytes.Length && bytes[colon] == (byte)':') keys.Add((i, close + 1));
            i = close;
        }

        var open = Array.IndexOf(bytes, (byte)'{');
        if (keys.Count == 0 || open < 0) return Insert(bytes, k, value);
        var (start, end) = keys[k % keys.Count];
        return [.. bytes[..(open + 1)], .. bytes[start..end], (byte)':', .. value, (byte)',', .. bytes[(open + 1)..]];
    }

    private static List<(int Start, int End)> Tokens(byte[] bytes, Func<byte, bool> first, Func<byte, bool> rest)
    {
        var tokens = new List<(int, int)>();
        var quoted = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"' && (i == 0 || bytes[i - 1] != (byte)'\\')) quoted = !quoted;
            if (quoted || !first(bytes[i])) continue;
            var end = i + 1;
            while (end < bytes.Length && rest(bytes[end])) end++;
            tokens.Add((i, end));
            i = end - 1;
        }

        return tokens;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
