using Ebm.Functional.Mcmc;
using Ebm.Functional.Prng;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// The drivers of <see cref="Loop"/> are the plain loops they replace: <see cref="Loop.Indexed{TState,TInfo}"/> is
/// <c>for (t = first; t &lt; first + steps; t++)</c>, <see cref="Loop.Until{TState,TInfo}"/> is
/// <c>while (taken &lt; max &amp;&amp; !done(state))</c>, and the keyed <see cref="Loop.Scan{TState,TInfo,TObservation}"/> still
/// gives step t the key <c>key.FoldIn(t)</c> from 0 (so its existing callers keep their bits).
/// </summary>
/// <remarks>
/// The state is a key folded with every index and the previous state's draw, so any change of order, index or key
/// changes the final bits. Any seed, first index in [-5, 5], 0..40 steps; for Until a threshold on the running draw.
/// </remarks>
public sealed class LoopLaws
{
    private static (ulong State, double Draw) Step(RngKey key, int t, ulong state)
    {
        var draw = key.FoldIn(t).FoldIn((int)(state % 1_000_003)).UniformAt(0);
        return (state * 6364136223846793005UL + (ulong)BitConverter.DoubleToInt64Bits(draw), draw);
    }

    [Property(MaxTest = 200)]
    public Property Indexed_is_the_plain_for_loop_from_its_first_index() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(-5, 5).ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), (seed, first, steps) =>
        {
            var key = RngKey.FromSeed((ulong)seed);
            var visited = new List<(int, ulong, double)>();
            var driven = Loop.Indexed(1UL, first, steps, (t, s) => Step(key, t, s), (t, s, d) => visited.Add((t, s, d)));
            var (state, plain) = (1UL, new List<(int, ulong, double)>());
            for (var t = first; t < first + steps; t++)
            {
                (state, var draw) = Step(key, t, state);
                plain.Add((t, state, draw));
            }

            return (driven == state && visited.SequenceEqual(plain)).Label($"seed {seed}, first {first}, steps {steps}");
        });

    [Property(MaxTest = 200)]
    public Property Until_is_the_plain_while_loop_checked_before_every_step() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(-5, 5).ToArbitrary(),
            (from max in Gen.Choose(0, 40) from threshold in Gen.Choose(0, 999) select (max, threshold)).ToArbitrary(),
            (seed, first, bound) =>
            {
                var (max, threshold) = bound;
                var key = RngKey.FromSeed((ulong)seed);
                Func<ulong, bool> done = s => s % 1000 < (ulong)threshold / 10;
                var visited = new List<(int, ulong)>();
                var (driven, taken) = Loop.Until(1UL, first, max, done, (t, s) => Step(key, t, s), (t, s, _) => visited.Add((t, s)));
                var (state, count, plain) = (1UL, 0, new List<(int, ulong)>());
                while (count < max && !done(state))
                {
                    (state, _) = Step(key, first + count, state);
                    plain.Add((first + count, state));
                    count++;
                }

                return (driven == state && taken == count && visited.SequenceEqual(plain)).Label($"seed {seed}, first {first}, max {max}, threshold {threshold}");
            });

    [Property(MaxTest = 100)]
    public Property Scan_gives_step_t_the_key_folded_with_t_from_zero() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(0, 40).ToArbitrary(), (seed, steps) =>
        {
            var key = RngKey.FromSeed((ulong)seed);
            var (final, trace) = Loop.Scan(key, 0, steps, (k, s) => (s + 1, k.UniformAt(0)), (_, draw) => draw);
            var expected = Enumerable.Range(0, steps).Select(t => key.FoldIn(t).UniformAt(0));
            return (final == steps && trace.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(expected.Select(BitConverter.DoubleToInt64Bits)))
                .Label($"seed {seed}, steps {steps}");
        });
}
