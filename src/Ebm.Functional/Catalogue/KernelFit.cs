using Ebm.Functional.Mcmc.Nuts;

namespace Ebm.Functional.Catalogue;

/// <summary>
/// One kernel as it applies to one kind of model: what it guarantees, what a move costs, and whether the annealing
/// estimators may run it. Every fit of a model's <see cref="ModelKernels"/> samples the model (<c>ebm sample</c>);
/// the estimators of log Z (<c>ebm logz</c>) run the fits that carry no <see cref="PathRefusal"/>.
/// </summary>
/// <param name="Kernel">The kernel's name, as the command line spells it ("gibbs", "hmc", ...).</param>
/// <param name="Summary">A short noun phrase for messages ("a checkerboard sweep").</param>
/// <param name="Invariance">What the kernel guarantees about p_beta on the state a sampler runs it on.</param>
/// <param name="PathInvariance">
/// What a move guarantees about each intermediate f_t on the state an annealing path runs it on (the same, except where
/// the path sums variables out: block Gibbs on an RBM's visible marginal is reversible, on the joint state stationary).
/// </param>
/// <param name="Cost">How one move is counted in energy evaluations per chain.</param>
/// <param name="Tempered">True when one move runs the kernel at every rung of a temperature ladder (parallel tempering).</param>
/// <param name="AnyEnergy">
/// True when the kernel needs nothing of the model but its energy (and local field or gradient), so that it also runs
/// on the bridge energy (1 - t) E_B + t E_A between two models and in bridge sampling's target chains; false for the
/// kernels that use a model's structure (a lattice's colouring or bonds, an RBM's two layers).
/// </param>
/// <param name="PathRefusal">Why the annealing estimators may not run this kernel, or null when they may.</param>
public sealed record KernelFit(
    string Kernel,
    string Summary,
    KernelInvariance Invariance,
    KernelInvariance PathInvariance,
    MoveCost Cost,
    bool Tempered,
    bool AnyEnergy,
    string? PathRefusal)
{
    /// <summary>True when the annealing estimators (AIS, reverse AIS, the sandwich, SMC, linked IS, TI) may run this kernel.</summary>
    public bool Anneals => PathRefusal is null;

    /// <summary>
    /// Energy evaluations of one move of one chain: 1 for a sweep, L for an HMC trajectory of
    /// <paramref name="leapfrogSteps"/> steps, times <paramref name="rungs"/> for a tempered kernel.
    /// </summary>
    /// <param name="leapfrogSteps">Leapfrog steps L of a trajectory (ignored by sweeps).</param>
    /// <param name="rungs">Rungs of a temperature ladder (ignored unless <see cref="Tempered"/>).</param>
    public int EvaluationsPerMove(int leapfrogSteps, int rungs = 1) =>
        Cost switch
        {
            MoveCost.Trajectory => leapfrogSteps,
            MoveCost.Tree => (1 << Nuts.DefaultMaxTreeDepth) - 1,
            _ => 1,
        } * (Tempered ? rungs : 1);

    /// <summary>
    /// Single-variable updates of one move of one chain on a model of <paramref name="dimension"/> variables: every
    /// evaluation touches every variable (the unit the run budget of <c>ebm</c> bounds).
    /// </summary>
    /// <param name="dimension">The model's number of variables.</param>
    /// <param name="leapfrogSteps">Leapfrog steps L of a trajectory (ignored by sweeps).</param>
    /// <param name="rungs">Rungs of a temperature ladder (ignored unless <see cref="Tempered"/>).</param>
    public double UnitUpdatesPerMove(int dimension, int leapfrogSteps, int rungs = 1) =>
        (double)EvaluationsPerMove(leapfrogSteps, rungs) * dimension;
}
