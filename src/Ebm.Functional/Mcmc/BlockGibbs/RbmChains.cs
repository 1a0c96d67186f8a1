using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.BlockGibbs;

/// <summary>
/// The state of C block-Gibbs chains over an RBM, as one batch per layer: row c of <see cref="Visible"/>
/// and of <see cref="Hidden"/> is chain c's (v, h), and <see cref="Energies"/>[c] its cached joint energy
/// E(v, h) (not beta E).
/// </summary>
/// <remarks>
/// Keeping the layers apart lets a step read V and H as the left operands of its two matrix products
/// without copying. <see cref="Joint"/> gives the joint states (visible units first), the layout of
/// <see cref="DiscreteChains"/> and of the models' <c>Energy(state)</c>.
/// </remarks>
/// <param name="Visible">C x nv visible states ({0,1} for a Bernoulli RBM, real for a Gaussian-Bernoulli one).</param>
/// <param name="Hidden">C x nh hidden states in {0,1}.</param>
/// <param name="Energies">E(v, h) of each chain, kept in step with the layers by every kernel.</param>
public sealed record RbmChains(Mat Visible, Mat Hidden, Vec Energies)
{
    /// <summary>Number of chains C.</summary>
    public int Chains => Visible.Rows;

    /// <summary>The joint states (v then h), C x (nv + nh).</summary>
    public Mat Joint()
    {
        var (visible, hidden) = (Visible, Hidden);
        var width = visible.Columns + hidden.Columns;
        return Mat.Create(visible.Rows, width, d =>
        {
            for (var r = 0; r < visible.Rows; r++)
            {
                visible.Row(r).CopyTo(d.Slice(r * width, visible.Columns));
                hidden.Row(r).CopyTo(d.Slice(r * width + visible.Columns, hidden.Columns));
            }
        });
    }

    /// <summary>Splits C x (nv + nh) joint states into the visible and hidden blocks.</summary>
    /// <exception cref="ArgumentException">The states do not have nv + nh columns.</exception>
    internal static (Mat Visible, Mat Hidden) SplitJoint(Mat joint, int visible, int hidden)
    {
        if (joint.Columns != visible + hidden)
            throw new ArgumentException($"expected {visible + hidden} columns (visible units then hidden), got {joint.Columns}", nameof(joint));
        var v = Mat.Create(joint.Rows, visible, d =>
        {
            for (var r = 0; r < joint.Rows; r++) joint.Row(r)[..visible].CopyTo(d.Slice(r * visible, visible));
        });
        var h = Mat.Create(joint.Rows, hidden, d =>
        {
            for (var r = 0; r < joint.Rows; r++) joint.Row(r)[visible..].CopyTo(d.Slice(r * hidden, hidden));
        });
        return (v, h);
    }
}
