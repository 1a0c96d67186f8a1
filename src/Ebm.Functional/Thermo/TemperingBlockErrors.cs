using LanguageExt.Common;

namespace Ebm.Functional.Thermo;

/// <summary>The catalogue of errors from a tempering run whose rungs live in blocks (codes 7090-7099).</summary>
public static class TemperingBlockErrors
{
    /// <summary>Code of <see cref="BadExchange"/>.</summary>
    public const int BadExchangeCode = 7090;

    /// <summary>Code of <see cref="BadLayout"/>.</summary>
    public const int BadLayoutCode = 7091;

    /// <summary>A block was asked for a step out of order, or its exchanges name rungs or chains it does not hold or receive.</summary>
    public static Error BadExchange(string problem) => Error.New(BadExchangeCode, $"tempering block: {problem}");

    /// <summary>The blocks do not cut the ladder into contiguous non-empty ranges.</summary>
    public static Error BadLayout(string problem) => Error.New(BadLayoutCode, $"tempering blocks: {problem}");
}
