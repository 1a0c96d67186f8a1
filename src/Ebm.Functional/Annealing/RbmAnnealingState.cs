using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Exact;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The particles of an RBM annealing path with the hidden units summed out: the visible states V (M x nv)
/// and the cached hidden fields X = V W + c (M x nh), from which every path density and the next hidden
/// draw follow without another matrix product.
/// </summary>
/// <param name="Visible">M x nv visible states, entries 0 or 1.</param>
/// <param name="Fields">M x nh: X = V W + c of the model the path ends at.</param>
public sealed record RbmAnnealingState(Mat Visible, Mat Fields)
{
    /// <summary>The number of particles M.</summary>
    public int Count => Visible.Rows;

    /// <summary>The state of joint (v, h) rows, visible units first (e.g. <see cref="RbmExactDraws.Sample"/>): the hidden part is dropped.</summary>
    /// <returns>The state, or <see cref="RbmAnnealingErrors.StateWidth"/> when the rows do not have nv + nh columns.</returns>
    public static Validation<Error, RbmAnnealingState> FromJoint(BernoulliRbm model, Mat joint)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(joint);
        return joint.Columns == model.Visible + model.Hidden
            ? FromVisible(model, Mcmc.BlockGibbs.RbmChains.SplitJoint(joint, model.Visible, model.Hidden).Visible)
            : Fail<Error, RbmAnnealingState>(RbmAnnealingErrors.StateWidth("joint", joint.Columns, model.Visible + model.Hidden));
    }

    /// <summary>The state of the given visible vectors, with their fields X = V W + c (one matrix product).</summary>
    /// <returns>The state, or <see cref="RbmAnnealingErrors.StateWidth"/> when the states do not have nv columns.</returns>
    public static Validation<Error, RbmAnnealingState> FromVisible(BernoulliRbm model, Mat visible)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(visible);
        return visible.Columns == model.Visible
            ? Success<Error, RbmAnnealingState>(new RbmAnnealingState(visible, Mat.Wrap(visible.Rows, model.Hidden, RbmPaths.Fields(model, visible.UnsafeArray(), visible.Rows))))
            : Fail<Error, RbmAnnealingState>(RbmAnnealingErrors.StateWidth("visible", visible.Columns, model.Visible));
    }
}
