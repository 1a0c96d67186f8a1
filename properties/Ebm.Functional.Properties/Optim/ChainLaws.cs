using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using FsCheck.Xunit;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Properties.Optim;

/// <summary>
/// The laws of <see cref="Transforms.Chain"/>, bitwise over several steps of random gradients and parameters:
/// a chain equals its transforms applied one after another by hand, <c>Chain()</c> is the identity, and
/// chaining is associative. Transforms are drawn from a pool holding every kind, stateful and stateless.
/// </summary>
public class ChainLaws
{
    private const int Steps = 4;

    private static readonly GradientTransformation[] Pool =
    [
        Valid(Transforms.Scale(-0.1)),
        Valid(Transforms.Momentum(0.9)),
        Valid(Transforms.Momentum(0.5, nesterov: true)),
        Valid(Transforms.ScaleByAdam()),
        Valid(Transforms.AddDecayedWeights(0.01)),
        Valid(Transforms.L2Penalty(0.1)),
        Valid(Transforms.L1Penalty(0.05)),
        Valid(Transforms.ClipByGlobalNorm(1.0)),
        Transforms.ScaleBySchedule(Valid(Schedules.CosineDecay(1.0, 3))),
    ];

    [Property(MaxTest = 200)]
    public bool A_chain_equals_its_transforms_applied_by_hand(byte a, byte b, byte c, int seed)
    {
        var members = new[] { Pick(a), Pick(b), Pick(c) };
        var (parameters, grads) = Problem(seed);
        var states = members.Select(m => m.Init(parameters)).ToArray();
        var byHand = new List<Vec>();
        foreach (var g in grads)
        {
            var u = g;
            for (var i = 0; i < members.Length; i++)
                (u, states[i]) = Valid(members[i].Update(u, states[i], parameters));
            byHand.Add(u);
        }

        return Updates(Transforms.Chain(members), parameters, grads).SequenceEqual(byHand);
    }

    [Property(MaxTest = 100)]
    public bool The_empty_chain_is_the_identity(int seed)
    {
        var (parameters, grads) = Problem(seed);
        return Updates(Transforms.Chain(), parameters, grads).SequenceEqual(grads);
    }

    [Property(MaxTest = 200)]
    public bool Chaining_is_associative(byte a, byte b, byte c, int seed)
    {
        var (x, y, z) = (Pick(a), Pick(b), Pick(c));
        var (parameters, grads) = Problem(seed);
        var left = Updates(Transforms.Chain(Transforms.Chain(x, y), z), parameters, grads);
        var right = Updates(Transforms.Chain(x, Transforms.Chain(y, z)), parameters, grads);
        return left.SequenceEqual(right) && left.SequenceEqual(Updates(Transforms.Chain(x, y, z), parameters, grads));
    }

    private static GradientTransformation Pick(byte index) => Pool[index % Pool.Length];

    /// <summary>Parameters and <see cref="Steps"/> gradients of one random length in 0..8, entries of either sign and zeros.</summary>
    private static (Vec Parameters, Vec[] Grads) Problem(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(9);
        Vec Draw() => Vec.Create(n, d =>
        {
            for (var i = 0; i < n; i++) d[i] = random.Next(5) == 0 ? 0.0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 3));
        });
        var parameters = Draw();
        return (parameters, Enumerable.Range(0, Steps).Select(_ => Draw()).ToArray());
    }

    private static List<Vec> Updates(GradientTransformation t, Vec parameters, IEnumerable<Vec> grads)
    {
        var state = t.Init(parameters);
        var updates = new List<Vec>();
        foreach (var g in grads)
        {
            (var u, state) = Valid(t.Update(g, state, parameters));
            updates.Add(u);
        }

        return updates;
    }

    private static T Valid<T>(Validation<Error, T> value) =>
        value.Match(Succ: x => x, Fail: errors => throw new InvalidOperationException(string.Join("; ", errors)));

    private static T Valid<T>(Fin<T> value) =>
        value.Match(Succ: x => x, Fail: error => throw new InvalidOperationException(error.Message));
}
