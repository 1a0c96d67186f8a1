using Ebm.Cli.Options;
using Ebm.Cli.Output;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Commands;

/// <summary>
/// Parses the inverse temperatures of <c>--beta FROM:TO:STEP</c> (or a single value):
/// beta_i = FROM + i STEP for i = 0 .. floor((TO - FROM) / STEP), TO included when it lands on the grid.
/// </summary>
/// <remarks>
/// Each number is read by <see cref="NumberSyntax.TryReal"/>, the rule of every real option (so "0,44" is an error, not 44).
/// beta_i is computed from i, not accumulated, so 0.1:1:0.1 gives ten values ending at exactly 1
/// rather than 0.9999999999999999.
/// </remarks>
internal static class BetaRange
{
    /// <summary>Most values one sweep may hold.</summary>
    public const int MaxValues = 10_000;

    /// <summary>Slack, in steps, for TO landing on the grid despite rounding in (TO - FROM) / STEP.</summary>
    private const double GridSlack = 1e-9;

    /// <summary>Relative rounding of (TO - FROM) / STEP, a few units in the last place, with room to spare.</summary>
    private const double RelativeRounding = 1e-12;

    /// <summary>The betas of <paramref name="text"/>, or an error naming the problem.</summary>
    public static Fin<double[]> Parse(string text, string option = "--beta", string quantity = "beta")
    {
        var parts = text.Split(':');
        if (parts.Length is not (1 or 3))
            return Fail(option, $"expected FROM:TO:STEP (for example 0.1:1:0.1) or a single value, got \"{text}\"");

        var names = parts.Length == 1 ? [quantity] : new[] { "FROM", "TO", "STEP" };
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!NumberSyntax.TryReal(parts[i], out values[i], out var problem)) return Fail(option, $"{names[i]} {problem}");
        }

        if (parts.Length == 1)
            return values[0] >= 0 ? FinSucc(values) : Fail(option, $"{quantity} = {Numbers.Exact(values[0])}, expected {quantity} >= 0");

        var (from, to, step) = (values[0], values[1], values[2]);
        if (from < 0) return Fail(option, $"FROM = {Numbers.Exact(from)}, expected {quantity} >= 0");
        if (to < from) return Fail(option, $"TO = {Numbers.Exact(to)} is below FROM = {Numbers.Exact(from)}");
        if (!(step > 0)) return Fail(option, $"STEP = {Numbers.Exact(step)}, expected a positive number");

        var count = Math.Floor((to - from) / step * (1 + RelativeRounding) + GridSlack) + 1;
        if (count > MaxValues)
            return Fail(option, $"{text} gives {count:0} values, more than the limit of {MaxValues}; use a larger STEP");

        var betas = new double[(int)count];
        for (var i = 0; i < betas.Length; i++) betas[i] = from + i * step;
        if (Math.Abs(betas[^1] - to) <= GridSlack * step + RelativeRounding * to) betas[^1] = to;
        return FinSucc(betas);
    }

    /// <summary>
    /// The betas of <c>--temperature FROM:TO:STEP</c> (or one value): the temperatures of <see cref="Parse"/>'s rule, each
    /// above 0, turned into beta = 1 / T and listed in increasing beta.
    /// </summary>
    public static Fin<double[]> FromTemperatures(string text, string option = "--temperature") =>
        Parse(text, option, "T").Bind(temperatures =>
            temperatures[0] > 0
                ? FinSucc(temperatures.Select(t => 1.0 / t).Reverse().ToArray())
                : Fail(option, $"T = {Numbers.Exact(temperatures[0])} has no beta = 1/T; expected temperatures above 0"));

    private static Fin<double[]> Fail(string option, string problem) => FinFail<double[]>(CliErrors.InvalidOption(option, problem));
}
