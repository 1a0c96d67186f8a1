using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>A trace of recorded steps turns into chains x draws: entry (c, t) is chain c's value at step t.</summary>
public sealed class TraceTests
{
    /// <summary>Three chains walking on the integers, each step read off the chain's own key.</summary>
    private static readonly KernelStep<Vec, int> Walks = (key, x) =>
        (Vec.Create(x.Length, d =>
        {
            for (var c = 0; c < d.Length; c++) d[c] = x[c] + (key.FoldIn(c).UniformAt(0) < 0.5 ? -1 : 1);
        }), 0);

    [Fact]
    public void By_chain_puts_chain_c_at_step_t_in_row_c_column_t()
    {
        var (_, states) = Loop.Scan(RngKey.FromSeed(4), Vec.Zeros(3), 40, Walks, (s, _) => s);
        var trace = new Trace<Vec>(states);
        var draws = trace.ByChain(s => s);
        var doubled = trace.ByChain(new ChainScalar<Vec>("twice", s => s.Map(x => 2 * x)));

        Assert.Equal((3, 40), (draws.Rows, draws.Columns));
        Assert.Equal(40, trace.Count);
        for (var t = 0; t < 40; t++)
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(states[t][c], draws[c, t]);
                Assert.Equal(2 * states[t][c], doubled[c, t]);
            }

        Assert.Equal(states, trace.ToArray());
    }

    [Fact]
    public void An_empty_trace_or_a_batch_that_changes_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Trace<Vec>([]).ByChain(s => s));
        var ragged = new Trace<Vec>([Vec.Zeros(3), Vec.Zeros(2)]);
        Assert.Contains("step 1 gives 2 chains", Assert.Throws<ArgumentException>(() => ragged.ByChain(s => s)).Message);
    }
}
