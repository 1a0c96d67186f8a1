using System.Globalization;
using LanguageExt.Common;

namespace Ebm.Functional.Diagnostics;

/// <summary>The catalogue of errors from the convergence diagnostics of MCMC draws (codes 5001-5099).</summary>
public static class DiagnosticsErrors
{
    /// <summary>Code of <see cref="TooFewChains"/>.</summary>
    public const int TooFewChainsCode = 5001;

    /// <summary>Code of <see cref="TooFewDraws"/>.</summary>
    public const int TooFewDrawsCode = 5002;

    /// <summary>Code of <see cref="NonFiniteDraw"/>.</summary>
    public const int NonFiniteDrawCode = 5003;

    /// <summary>Code of <see cref="ConstantDraws"/>.</summary>
    public const int ConstantDrawsCode = 5004;

    /// <summary>Code of <see cref="InvalidArgument"/>.</summary>
    public const int InvalidArgumentCode = 5005;

    /// <summary>Code of <see cref="Diverged"/>.</summary>
    public const int DivergedCode = 5006;

    /// <summary>Fewer chains (rows of the draws) than a diagnostic needs.</summary>
    public static Error TooFewChains(string diagnostic, int chains, int minimum) =>
        Error.New(TooFewChainsCode, $"draws: {diagnostic} needs at least {minimum} chain(s), got {chains}");

    /// <summary>Fewer draws per chain (columns of the draws) than a diagnostic needs.</summary>
    public static Error TooFewDraws(string diagnostic, int draws, int minimum) =>
        Error.New(TooFewDrawsCode, $"draws: {diagnostic} needs at least {minimum} draws per chain, got {draws}");

    /// <summary>A NaN or infinite draw; indices count from 0.</summary>
    public static Error NonFiniteDraw(int chain, int draw, double value) =>
        Error.New(NonFiniteDrawCode, $"draws: chain {chain}, draw {draw} is {value}, not a finite number");

    /// <summary>Draws with zero variance, for which a ratio of variances (R-hat, ESS, autocorrelation) is 0/0.</summary>
    public static Error ConstantDraws(string diagnostic) =>
        Error.New(ConstantDrawsCode, $"draws: {diagnostic} is undefined because every draw has the same value");

    /// <summary>An argument outside its accepted range.</summary>
    public static Error InvalidArgument(string field, string value, string requirement) =>
        Error.New(InvalidArgumentCode, $"{field}: {value} is not valid: {requirement}");

    /// <summary>An energy trace with a NaN or infinite energy: the chains left the range of a double; indices count from 0.</summary>
    public static Error Diverged(int chain, int step, double value) =>
        Error.New(DivergedCode, $"energies: chain {chain} has energy {value.ToString(CultureInfo.InvariantCulture)} at kept step {step}: the chains diverged (a step size too large, or an energy that overflows), so nothing can be summarised");
}
