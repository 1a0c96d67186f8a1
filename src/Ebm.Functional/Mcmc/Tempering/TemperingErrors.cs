using LanguageExt.Common;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>The catalogue of errors from parallel-tempering ladders (codes 6001-6099).</summary>
public static class TemperingErrors
{
    /// <summary>Code of <see cref="InvalidLadder"/>.</summary>
    public const int InvalidLadderCode = 6001;

    /// <summary>A ladder argument that is out of range, naming the field and the problem.</summary>
    public static Error InvalidLadder(string field, string problem) => Error.New(InvalidLadderCode, $"{field}: {problem}");
}
