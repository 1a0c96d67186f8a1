namespace Ebm.Functional.Mcmc;

/// <summary>
/// A kernel with its cost: the per-particle energy (or gradient) evaluations of one application, a sweep of local
/// updates counting as one (the unit of <c>LogZEstimate.EnergyEvaluations</c> and of an annealing path's
/// <c>EvaluationsPerMove</c>). The <see cref="Kernels"/> combinators derive a composition's cost from its parts'
/// (sum for a sequence, cycle, repetition or thinning; expected cost for a mixture), and the annealing paths read it,
/// so a composed kernel's cost is never stated twice.
/// </summary>
/// <example><code>
/// var sweep = Kernels.WithCost(HeatBathGibbs.BuildKernel(model, beta), evaluations: 1);
/// var hmc   = Kernels.WithCost(Hmc.Factory(m, parameters)(1.0), evaluations: parameters.LeapfrogSteps);
/// Kernels.Repeat(sweep, 5).Evaluations;   // 5
/// </code></example>
public sealed record CostedKernel<TState, TInfo>
{
    /// <summary>A kernel and its cost per application.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="evaluations"/> is not positive and finite.</exception>
    public CostedKernel(KernelStep<TState, TInfo> step, double evaluations)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!(evaluations > 0) || !double.IsFinite(evaluations))
            throw new ArgumentOutOfRangeException(nameof(evaluations), evaluations, "a kernel's cost must be positive and finite");
        Step = step;
        Evaluations = evaluations;
    }

    /// <summary>The transition kernel.</summary>
    public KernelStep<TState, TInfo> Step { get; }

    /// <summary>Per-particle energy (or gradient) evaluations of one application of <see cref="Step"/> (a sweep counts one).</summary>
    public double Evaluations { get; }
}
