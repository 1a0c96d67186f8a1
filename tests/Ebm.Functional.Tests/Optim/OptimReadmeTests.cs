using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Optim;

/// <summary>The README's "Optimizers" example, verbatim, minimizing a quadratic whose minimum is known.</summary>
public class OptimReadmeTests
{
    private static Fin<Vec> Train(Vec theta, Func<Vec, Vec> gradient, int steps) =>
        (from decay in Schedules.CosineDecay(1.0, steps)
         from schedule in Schedules.Warmup(0.0, 10, decay)
         from clip in Transforms.ClipByGlobalNorm(1.0)
         from adamW in Optimizers.AdamW(learningRate: 0.05, weightDecay: 0.0)
         select Transforms.Chain(clip, Transforms.ScaleBySchedule(schedule), adamW))
        .Match(Succ: opt => Enumerable.Range(0, steps).Aggregate(FinSucc((theta, opt.Init(theta))),
                   (acc, _) => from s in acc
                               from r in opt.Update(gradient(s.Item1), s.Item2, s.Item1)
                               from next in Optimizers.ApplyUpdates(s.Item1, r.Updates)
                               select (next, r.State)).Map(s => s.Item1),
               Fail: errors => FinFail<Vec>(Error.Many(errors)));

    [Fact]
    public void The_readme_example_reaches_the_minimum_of_a_quadratic()
    {
        // f(θ) = ½‖θ - (1, -2)‖², gradient θ - (1, -2); Adam's steps are at most about lr = 0.05 each, so 1000
        // steps cover the distance √5 with room, and the cosine decay to 0 ends the oscillation about the minimum.
        var target = Vec.Of(1.0, -2.0);
        var result = Train(Vec.Zeros(2), t => Vec.Of(t[0] - target[0], t[1] - target[1]), 1000);

        var theta = result.Match(Succ: t => t, Fail: e => Vec.Of(double.NaN, double.NaN));
        Assert.InRange(theta[0], 0.99, 1.01);
        Assert.InRange(theta[1], -2.01, -1.99);
    }
}
