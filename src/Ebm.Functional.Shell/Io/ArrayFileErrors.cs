using LanguageExt.Common;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// The catalogue of errors in NumPy <c>.npy</c> and <c>.npz</c> files (codes 3401-3419); each message starts with the
/// file (and the array, for an archive member) and names the problem. All are expected errors (bad input).
/// </summary>
public static class ArrayFileErrors
{
    /// <summary>Code of <see cref="BadMagic"/>.</summary>
    public const int BadMagicCode = 3401;

    /// <summary>Code of <see cref="Truncated"/>.</summary>
    public const int TruncatedCode = 3402;

    /// <summary>Code of <see cref="BadHeader"/>.</summary>
    public const int BadHeaderCode = 3403;

    /// <summary>Code of <see cref="Unsupported"/>.</summary>
    public const int UnsupportedCode = 3404;

    /// <summary>Code of <see cref="TrailingBytes"/>.</summary>
    public const int TrailingBytesCode = 3405;

    /// <summary>Code of <see cref="NotZip"/>.</summary>
    public const int NotZipCode = 3406;

    /// <summary>Code of <see cref="TooLarge"/>.</summary>
    public const int TooLargeCode = 3407;

    /// <summary>Code of <see cref="DuplicateName"/>.</summary>
    public const int DuplicateNameCode = 3408;

    /// <summary>Code of <see cref="Corrupt"/>.</summary>
    public const int CorruptCode = 3409;

    /// <summary>Every code of this catalogue.</summary>
    public static IReadOnlyList<int> Codes { get; } =
        [BadMagicCode, TruncatedCode, BadHeaderCode, UnsupportedCode, TrailingBytesCode, NotZipCode, TooLargeCode, DuplicateNameCode, CorruptCode];

    /// <summary>The file does not start with the magic string of its format.</summary>
    public static Error BadMagic(string source, string format, string expected) =>
        Error.New(BadMagicCode, $"{source}: not {Article(format)} {format} (bad magic: {Article(format)} {format} starts with {expected})");

    /// <summary>The file ends before the header or the data it announces.</summary>
    public static Error Truncated(string source, string what, long needed, long found) =>
        Error.New(TruncatedCode, $"{source}: truncated: {what} needs {needed} bytes, the file has {found}");

    /// <summary>The header is not the Python dictionary literal the format prescribes.</summary>
    public static Error BadHeader(string source, string problem) => Error.New(BadHeaderCode, $"{source}: bad .npy header: {problem}");

    /// <summary>A valid file whose type or layout is not read (a structured dtype, complex numbers, Fortran order).</summary>
    public static Error Unsupported(string source, string what, string accepted) =>
        Error.New(UnsupportedCode, $"{source}: {what} is not supported; {accepted}");

    /// <summary>Bytes after the data the header announces: a corrupt or concatenated file.</summary>
    public static Error TrailingBytes(string source, long extra) =>
        Error.New(TrailingBytesCode, $"{source}: {extra} bytes after the array's data; the header's shape does not match the file");

    /// <summary>An archive that is not a readable zip file.</summary>
    public static Error NotZip(string source, string reason) => Error.New(NotZipCode, $"{source}: not a readable .npz (zip) archive: {reason}");

    /// <summary>An archive member or array over the size limit, refused before it is expanded.</summary>
    public static Error TooLarge(string source, long bytes, long limit) =>
        Error.New(TooLargeCode, $"{source}: {bytes} bytes, more than the limit of {limit} bytes");

    /// <summary>Two archive members that give the same array name.</summary>
    public static Error DuplicateName(string source, string name) => Error.New(DuplicateNameCode, $"{source}: the array {EchoedText.Quote(name)} is stored twice");

    /// <summary>Compressed or stored data whose checksum disagrees with the one recorded beside them.</summary>
    public static Error Corrupt(string source, uint recorded, uint computed) =>
        Error.New(CorruptCode, $"{source}: corrupt: the CRC-32 of the data is {computed:x8}, the archive records {recorded:x8}");

    private static string Article(string noun) => "AEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
}
