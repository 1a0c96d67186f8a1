using Ebm.Functional.Shell.Io;
using LanguageExt.Common;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// The catalogue of model-file errors (codes 3001-3099). Each message names the file or the field it is about and
/// the problem, e.g. "weights: row 3 has 19 values, expected 20"; indices count from 0.
/// </summary>
/// <remarks>
/// All of these are expected errors (bad user input), so the <c>ebm</c> tool maps them to exit code 2.
/// Field-level problems found by the model constructors come from <c>Ebm.Functional.Models.ModelErrors</c>.
/// </remarks>
public static class ModelFileErrors
{
    /// <summary>Code of <see cref="NotJson"/>.</summary>
    public const int NotJsonCode = 3001;

    /// <summary>Code of <see cref="NotAnObject"/>.</summary>
    public const int NotAnObjectCode = 3002;

    /// <summary>Code of <see cref="MissingKind"/> and <see cref="UnknownKind"/>.</summary>
    public const int KindCode = 3003;

    /// <summary>Code of <see cref="MissingField"/>.</summary>
    public const int MissingFieldCode = 3004;

    /// <summary>Code of <see cref="WrongType"/>.</summary>
    public const int WrongTypeCode = 3005;

    /// <summary>Code of <see cref="Ragged"/>.</summary>
    public const int RaggedCode = 3006;

    /// <summary>Code of <see cref="NotFinite"/>.</summary>
    public const int NotFiniteCode = 3007;

    /// <summary>Code of <see cref="UnknownKeys"/> and <see cref="DuplicateKey"/>.</summary>
    public const int KeysCode = 3008;

    /// <summary>Code of <see cref="InvalidValue"/>.</summary>
    public const int InvalidValueCode = 3009;

    /// <summary>Code of <see cref="HalfSurrogate"/>.</summary>
    public const int NotTextCode = 3010;

    /// <summary>Every code of this catalogue: a model file's own errors (invalid UTF-8 is <see cref="TextErrors.NotUtf8Code"/>).</summary>
    public static IReadOnlyList<int> Codes { get; } =
        [NotJsonCode, NotAnObjectCode, KindCode, MissingFieldCode, WrongTypeCode, RaggedCode, NotFiniteCode, KeysCode, InvalidValueCode, NotTextCode];

    /// <summary>The text is not JSON; line and position count from 1.</summary>
    public static Error NotJson(long line, long position, string reason) =>
        Error.New(NotJsonCode, $"not valid JSON at line {line}, position {position}: {reason}");

    /// <summary>The top-level JSON value is not an object.</summary>
    public static Error NotAnObject(string actual) =>
        Error.New(NotAnObjectCode, $"the model file must hold a JSON object {{\"kind\": ...}}, but it holds {actual}");

    /// <summary>No "kind" key.</summary>
    public static Error MissingKind(IEnumerable<string> known) =>
        Error.New(KindCode, $"kind: missing; expected one of {string.Join(", ", known)}");

    /// <summary>A kind that no reader knows (shown quoted, escaped and shortened).</summary>
    public static Error UnknownKind(string kind, IEnumerable<string> known) =>
        Error.New(KindCode, $"kind: unknown kind {EchoedText.Quote(kind)}; expected one of {string.Join(", ", known)}");

    /// <summary>A required key is absent.</summary>
    public static Error MissingField(string field, string expected) => Error.New(MissingFieldCode, $"{field}: missing; expected {expected}");

    /// <summary>A value of the wrong JSON type.</summary>
    public static Error WrongType(string field, string expected, string actual) =>
        Error.New(WrongTypeCode, $"{field}: expected {expected}, got {actual}");

    /// <summary>A matrix whose rows differ in length.</summary>
    public static Error Ragged(string field, int row, int count, int expected) =>
        Error.New(RaggedCode, $"{field}: row {row} has {count} values, expected {expected} (as row 0)");

    /// <summary>A number that is not finite once read (1e999 overflows to infinity), or a string such as "NaN".</summary>
    public static Error NotFinite(string field, string text) =>
        Error.New(NotFiniteCode, $"{field}: {text} is not a finite number; model files accept finite numbers only");

    /// <summary>Keys that the kind does not have: typos must not pass silently.</summary>
    /// <param name="kind">The model kind.</param>
    /// <param name="keys">The unknown keys, quoted, each with a "did you mean" hint where one is close.</param>
    /// <param name="known">The keys the kind accepts.</param>
    public static Error UnknownKeys(string kind, IEnumerable<string> keys, IEnumerable<string> known) =>
        Error.New(KeysCode, $"unknown key {string.Join(", ", keys)} for kind {kind}; its keys are {string.Join(", ", known)}");

    /// <summary>A key given twice (control characters in it escaped, a long key shortened).</summary>
    public static Error DuplicateKey(string key) => Error.New(KeysCode, $"{EchoedText.OneLine(EchoedText.Shorten(key))}: given more than once");

    /// <summary>
    /// A JSON string holding half of a UTF-16 surrogate pair (an escape such as \ud800 without its partner), which
    /// is no character: JSON allows the escape, text does not. Line and byte position count from 1.
    /// </summary>
    /// <param name="line">The line of the escape.</param>
    /// <param name="position">The byte of the line where the escape starts.</param>
    /// <param name="what">The offending text, e.g. "the escape \ud800".</param>
    public static Error HalfSurrogate(long line, long position, string what) =>
        Error.New(NotTextCode, $"not text at line {line}, position {position}: {what} is half of a UTF-16 surrogate pair, not a character");

    /// <summary>A value outside the accepted set or range.</summary>
    public static Error InvalidValue(string field, string problem) => Error.New(InvalidValueCode, $"{field}: {problem}");
}
