using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Annealing;

/// <summary>A tiny RBM (2-4 visible, 1-3 hidden units), base-rate biases, a target beta and an increasing schedule from 0 to 1.</summary>
public sealed record RbmPathCase(BernoulliRbm Model, double[] BaseBias, double Beta, double[] Schedule)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"W=[{string.Join(", ", Model.Weights.Span.ToArray())}] b=[{string.Join(", ", Model.VisibleBias.Span.ToArray())}] " +
        $"c=[{string.Join(", ", Model.HiddenBias.Span.ToArray())}] bA=[{string.Join(", ", BaseBias)}] beta={Beta} t=[{string.Join(", ", Schedule)}]";

    /// <summary>The cases, for <c>[Properties(Arbitrary = ...)]</c>.</summary>
    public static Arbitrary<RbmPathCase> Cases() =>
        (from visible in Gen.Choose(2, 4)
         from hidden in Gen.Choose(1, 3)
         from weights in Gen.ArrayOf(Coefficient, visible * hidden)
         from visibleBias in Gen.ArrayOf(Coefficient, visible)
         from hiddenBias in Gen.ArrayOf(Coefficient, hidden)
         from baseBias in Gen.ArrayOf(Coefficient, visible)
         from beta in Gen.Choose(1, 20).Select(k => k / 10.0)
         from inner in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 999), n))
         select new RbmPathCase(
             BernoulliRbm.Create(Mat.From(visible, hidden, weights), Vec.From(visibleBias), Vec.From(hiddenBias))
                 .Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
             baseBias,
             beta,
             [0.0, .. inner.Distinct().Order().Select(k => k / 1000.0), 1.0])).ToArbitrary();

    private static Gen<double> Coefficient => Gen.Choose(-2000, 2000).Select(k => k / 1000.0);
}
