using Ebm.Cli.Commands;
namespace Ebm.Cli.Tests;

public sealed class BetaRangeTests
{
    private static double[] Betas(string text) => BetaRange.Parse(text).Match(b => b, e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void The_end_is_included_when_it_lands_on_the_grid_despite_rounding()
    {
        var betas = Betas("0.1:1:0.1");
        Assert.Equal(10, betas.Length);
        Assert.Equal(1.0, betas[^1]);
        for (var i = 0; i < betas.Length; i++) Assert.Equal(0.1 + i * 0.1, i == 9 ? 1.0 : betas[i]);
    }

    [Fact]
    public void The_end_is_left_out_when_it_is_between_grid_points()
    {
        Assert.Equal([0.0, 0.4, 0.8], Betas("0:1:0.4"));
    }

    [Fact]
    public void From_equal_to_to_gives_one_value()
    {
        Assert.Equal([0.5], Betas("0.5:0.5:1"));
    }

    [Fact]
    public void Exactly_the_limit_is_accepted()
    {
        Assert.Equal(BetaRange.MaxValues, Betas($"1:{BetaRange.MaxValues}:1").Length);
        Assert.True(BetaRange.Parse($"1:{BetaRange.MaxValues + 1}:1").IsFail);
    }

    [Theory]
    [InlineData("100:101:0.001", 1001)]
    [InlineData("0.3:0.9:0.1", 7)]
    [InlineData("0:2.5:0.25", 11)]
    public void Values_stay_within_the_range_and_end_exactly_at_to(string text, int count)
    {
        var betas = Betas(text);
        var to = double.Parse(text.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, betas.Length);
        Assert.Equal(to, betas[^1]);
        Assert.All(betas, b => Assert.True(b <= to));
    }
}
