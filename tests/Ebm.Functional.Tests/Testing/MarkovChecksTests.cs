using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Testing;

/// <summary>
/// Each law of <see cref="MarkovChecks"/> holds where it should, fails where it should, and names the worst state
/// pair with its numbers; input that cannot be checked gives a failed check, not an exception.
/// </summary>
public sealed class MarkovChecksTests
{
    // A 3-state chain with pi = (1/2, 1/4, 1/4): Metropolis from the uniform proposal on the other two states,
    // K(x, y) = (1/2) min(1, pi(y) / pi(x)), so it is reversible.
    private static readonly double[] Pi = [0.5, 0.25, 0.25];

    private static readonly Mat Reversible = Mat.FromRows([[0.5, 0.25, 0.25], [0.5, 0.0, 0.5], [0.5, 0.5, 0.0]]);

    // The same flows F(x, y) = pi(x) K(x, y) plus a circulation c = 0.025 around 0 -> 1 -> 2 -> 0 (and minus c on the
    // reverse edges): every row and column sum of F is unchanged, so pi stays stationary, but F(x, y) - F(y, x) = 2c
    // = 0.05 on each of the three pairs.
    private static readonly Mat Cyclic = Mat.FromRows([[0.5, 0.3, 0.2], [0.4, 0.0, 0.6], [0.6, 0.4, 0.0]]);

    [Fact]
    public void A_reversible_chain_passes_every_law()
    {
        Assert.True(MarkovChecks.Stochastic(Reversible).Holds);
        Assert.True(MarkovChecks.Stationary(Reversible, Pi).Holds);
        Assert.True(MarkovChecks.Reversible(Reversible, Pi).Holds);
        Assert.True(MarkovChecks.Primitive(Reversible).Holds);
    }

    [Fact]
    public void A_stationary_but_irreversible_chain_fails_detailed_balance_at_the_worst_pair()
    {
        Assert.True(MarkovChecks.Stationary(Cyclic, Pi).Holds, MarkovChecks.Stationary(Cyclic, Pi).Message);
        var check = MarkovChecks.Reversible(Cyclic, Pi);
        Assert.False(check.Holds);
        Assert.Contains((check.From, check.To), new (int?, int?)[] { (0, 1), (0, 2), (1, 2) });
        Assert.Equal(0.05, check.WorstDeviation, 1e-15);
        Assert.Contains($"pi({check.From}) K({check.From},{check.To}) = ", check.Message);
        Assert.Contains($" but pi({check.To}) K({check.To},{check.From}) = ", check.Message);
        Assert.Equal(TestingErrors.LawFailsCode, check.ToFin().Match(Succ: _ => 0, Fail: e => e.Code));
    }

    [Fact]
    public void A_row_that_does_not_sum_to_one_and_a_wrong_pi_are_named()
    {
        var leaky = Mat.FromRows([[0.5, 0.5], [0.25, 0.5]]);
        var rows = MarkovChecks.Stochastic(leaky);
        Assert.False(rows.Holds);
        Assert.Equal(1, rows.From);
        Assert.Contains("row 1 sums to 0.75", rows.Message);

        var stationary = MarkovChecks.Stationary(Reversible, [0.4, 0.3, 0.3]);
        Assert.False(stationary.Holds);
        Assert.NotNull(stationary.To);
        Assert.Contains("(pi K)(", stationary.Message);
    }

    [Fact]
    public void Periodic_and_reducible_chains_are_told_apart()
    {
        var cycle = Mat.FromRows([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]);
        Assert.Contains("period 3", MarkovChecks.Primitive(cycle).Message);
        var blocks = Mat.FromRows([[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]]);
        var reducible = MarkovChecks.Primitive(blocks);
        Assert.False(reducible.Holds);
        Assert.Contains("reducible, state 2 cannot be reached from state 0", reducible.Message);
        Assert.Equal((0, 2), (reducible.From, reducible.To));
    }

    [Fact]
    public void Input_that_cannot_be_checked_fails_with_a_reason_instead_of_throwing()
    {
        var wide = Mat.Zeros(2, 3);
        Assert.Contains("not square", MarkovChecks.Stochastic(wide).Message);
        Assert.Contains("not square", MarkovChecks.Primitive(wide).Message);
        Assert.Contains("pi has 2 entries but K has 3 states", MarkovChecks.Reversible(Reversible, [0.5, 0.5]).Message);
        Assert.Contains("tolerance", MarkovChecks.Stationary(Reversible, Pi, double.NaN).Message);
        Assert.False(MarkovChecks.Stochastic(Mat.FromRows([[double.NaN, 1.0], [0.5, 0.5]])).Holds);
    }
}
