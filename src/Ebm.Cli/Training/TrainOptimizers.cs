using Ebm.Cli.Output;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The optimizers of <c>--optimizer</c>, with <c>--weight-decay</c> on the weights only (the family's decay mask; Hinton
/// 2010, sec. 10: biases are not decayed): sgd (u = -lr g), momentum (heavy ball, 0.9), adam (Kingma and Ba 2015) with
/// the decay as an L2 penalty g + wd θ, and adamw with the decay decoupled after Adam's rescaling (Loshchilov and Hutter
/// 2019).
/// </summary>
internal static class TrainOptimizers
{
    /// <summary>The momentum of <c>--optimizer momentum</c>.</summary>
    public const double Momentum = 0.9;

    /// <summary>The optimizer of <paramref name="s"/> for parameters whose decay mask is <paramref name="mask"/>.</summary>
    public static Fin<GradientTransformation> Build(TrainSettings s, Vec mask)
    {
        var decay = s.WeightDecay > 0;
        var built = s.Optimizer switch
        {
            "adamw" => decay
                ? (Transforms.ScaleByAdam(), Transforms.AddDecayedWeights(s.WeightDecay), Transforms.Scale(-s.LearningRate))
                    .Apply((adam, weights, scale) => Transforms.Chain(adam, Transforms.Masked(weights, mask), scale))
                : Optimizers.Adam(s.LearningRate),
            _ => Penalised(s, mask, s.Optimizer switch
            {
                "momentum" => Optimizers.Sgd(s.LearningRate, Momentum),
                "adam" => Optimizers.Adam(s.LearningRate),
                _ => Optimizers.Sgd(s.LearningRate),
            }),
        };
        return Outcomes.ToFin(built);
    }

    private static Validation<Error, GradientTransformation> Penalised(TrainSettings s, Vec mask, Validation<Error, GradientTransformation> optimizer) =>
        s.WeightDecay > 0
            ? (Transforms.L2Penalty(s.WeightDecay), optimizer).Apply((penalty, inner) => Transforms.Chain(Transforms.Masked(penalty, mask), inner))
            : optimizer;
}
