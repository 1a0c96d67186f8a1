using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>Binarisation: a strict threshold, and Bernoulli draws with the values as probabilities.</summary>
public sealed class BinarisationTests
{
    [Fact]
    public void A_value_becomes_one_only_above_the_threshold()
    {
        var data = Mat.FromRows([[0, 127.5, 128, 255], [-1, 127.4, 1e9, 127.5]]);
        var binary = Binarisation.Threshold(data, 127.5).Match(m => m, e => throw new InvalidOperationException(e.Message));
        Assert.Equal([0.0, 0, 1, 1, 0, 0, 1, 0], binary.Span.ToArray());
        Assert.Equal(DatasetErrors.InvalidSettingCode, Binarisation.Threshold(data, double.NaN).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void Stochastic_draws_have_the_values_as_probabilities()
    {
        // 50,000 draws of p = 0.3: SE of the mean sqrt(0.21 / 50000) = 0.0020; 5 SE bound (delta < 6e-7).
        const int draws = 50_000;
        var data = Mat.Create(draws, 3, d =>
        {
            for (var r = 0; r < draws; r++) (d[3 * r], d[3 * r + 1], d[3 * r + 2]) = (0.0, 0.3, 1.0);
        });
        var binary = Binarisation.Stochastic(RngKey.FromSeed(2), data).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var column = Enumerable.Range(0, 3).Select(j => Enumerable.Range(0, draws).Average(r => binary[r, j])).ToArray();
        Assert.Equal(0.0, column[0]);
        Assert.Equal(1.0, column[2]);
        Assert.InRange(column[1], 0.3 - 5 * Math.Sqrt(0.21 / draws), 0.3 + 5 * Math.Sqrt(0.21 / draws));
        Assert.Equal(binary, Binarisation.Stochastic(RngKey.FromSeed(2), data).Match(m => m, e => throw new InvalidOperationException(e.Message)));
    }

    [Fact]
    public void Values_outside_0_1_are_named()
    {
        var errors = Binarisation.Stochastic(RngKey.FromSeed(2), Mat.FromRows([[0.5, 1.5], [double.NaN, -0.0]])).Match(
            _ => throw new InvalidOperationException("expected errors"), e => e is LanguageExt.Common.ManyErrors many ? many.Errors.ToList() : [e]);
        Assert.Equal(["stochastic binarisation: row 1, value 2 is 1.5; probabilities lie in [0, 1] (scale the data first)", "stochastic binarisation: row 2, value 1 is NaN; probabilities lie in [0, 1] (scale the data first)"],
            errors.Select(e => e.Message));
    }
}
