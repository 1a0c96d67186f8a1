using LanguageExt.Common;

namespace Ebm.Cli.Training;

/// <summary>Errors of <c>ebm train</c>'s configuration, data and output folder (codes 4101-4119); each names the file, key or option.</summary>
internal static class TrainConfigErrors
{
    /// <summary>Code of <see cref="NotObject"/>.</summary>
    public const int NotObjectCode = 4101;

    /// <summary>Code of <see cref="UnknownKey"/>.</summary>
    public const int UnknownKeyCode = 4102;

    /// <summary>Code of <see cref="WrongType"/>.</summary>
    public const int WrongTypeCode = 4103;

    /// <summary>Code of <see cref="FolderInUse"/>.</summary>
    public const int FolderInUseCode = 4104;

    /// <summary>Code of <see cref="BadDataSpec"/>.</summary>
    public const int BadDataSpecCode = 4105;

    /// <summary>Code of <see cref="Mismatch"/>.</summary>
    public const int MismatchCode = 4106;

    /// <summary>Code of <see cref="Unsupported"/>.</summary>
    public const int UnsupportedCode = 4107;

    /// <summary>The configuration file is not one JSON object.</summary>
    public static Error NotObject(string path, string problem) => Error.New(NotObjectCode, $"{path}: not a training configuration: {problem}");

    /// <summary>A key the configuration does not know (a typo cannot pass silently).</summary>
    public static Error UnknownKey(string path, string quotedKey, IEnumerable<string> known) =>
        Error.New(UnknownKeyCode, $"{path}: unknown key {quotedKey}; the keys are {string.Join(", ", known)}");

    /// <summary>A key whose value has the wrong JSON type or range.</summary>
    public static Error WrongType(string path, string key, string expected) => Error.New(WrongTypeCode, $"{path}: \"{key}\": expected {expected}");

    /// <summary>The output folder already holds files (another run's, or anything else): nothing is overwritten.</summary>
    public static Error FolderInUse(string folder, string problem) => Error.New(FolderInUseCode, $"--out: {folder}: {problem}");

    /// <summary>A builtin data set named wrongly.</summary>
    public static Error BadDataSpec(string spec, string problem) => Error.New(BadDataSpecCode, $"--data: \"{spec}\": {problem}");

    /// <summary>Two inputs that do not fit together (the data's width and the model's, an --init model of another kind).</summary>
    public static Error Mismatch(string what, string problem) => Error.New(MismatchCode, $"{what}: {problem}");

    /// <summary>An objective this build does not offer for the model family.</summary>
    public static Error Unsupported(string model, string objective, IEnumerable<string> offered) =>
        Error.New(UnsupportedCode, $"--objective: {objective} is not available for --model {model}; it offers {string.Join(", ", offered)}");
}
