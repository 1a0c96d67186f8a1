using static LanguageExt.Prelude;
using LanguageExt;
using LanguageExt.Common;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

// The paths built from kernels that carry their cost (CostedKernel, e.g. a composition by Kernels): the path reads the
// cost of a move from the kernel instead of being told it, so a composed kernel's cost is derived once, from its parts.
public static partial class Paths
{
    /// <summary>
    /// <see cref="Tempered{TInfo}(IDiscreteModel, double, Func{double, KernelStep{DiscreteChains, TInfo}}, int)"/> with the
    /// cost of a move read from the kernel (at the target beta), e.g.
    /// <c>b =&gt; Kernels.Repeat(Kernels.WithCost(HeatBathGibbs.BuildKernel(model, b), 1), 3)</c> costs 3 per move.
    /// </summary>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<DiscreteChains>> Tempered<TInfo>(
        IDiscreteModel model, double beta, Func<double, CostedKernel<DiscreteChains, TInfo>> kernelAtBeta)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(kernelAtBeta);
        // The kernel is built at beta only once beta is known to be valid.
        var errors = NonNegativeBeta(beta);
        return errors.IsEmpty
            ? EvaluationsPerMove(kernelAtBeta(beta)).Bind(cost => Tempered(model, beta, b => kernelAtBeta(b).Step, cost))
            : Fail<Error, AnnealingPath<DiscreteChains>>(errors);
    }

    /// <summary>
    /// <see cref="Tempered{TInfo}(IsingModel, double, Func{double, KernelStep{IsingChains, TInfo}}, int)"/> with the cost
    /// of a move read from the kernel (at the target beta).
    /// </summary>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<IsingChains>> Tempered<TInfo>(
        IsingModel model, double beta, Func<double, CostedKernel<IsingChains, TInfo>> kernelAtBeta)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(kernelAtBeta);
        var errors = NonNegativeBeta(beta);
        return errors.IsEmpty
            ? EvaluationsPerMove(kernelAtBeta(beta)).Bind(cost => Tempered(model, beta, b => kernelAtBeta(b).Step, cost))
            : Fail<Error, AnnealingPath<IsingChains>>(errors);
    }

    /// <summary>
    /// <see cref="FromGaussian{TInfo}(IContinuousModel, double, GaussianModel, Func{IContinuousModel, KernelStep{ContinuousChains, TInfo}}, int)"/>
    /// with the cost of a move read from the kernel (built for the target), plus the re-initialisation at each t.
    /// </summary>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<ContinuousChains>> FromGaussian<TInfo>(
        IContinuousModel model, double beta, GaussianModel reference, Func<IContinuousModel, CostedKernel<ContinuousChains, TInfo>> kernelFor)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(kernelFor);
        return EvaluationsPerMove(kernelFor(model)).Bind(cost => FromGaussian(model, beta, reference, m => kernelFor(m).Step, cost));
    }

    /// <summary>
    /// <see cref="Between{TInfo}(IDiscreteModel, IDiscreteModel, double, Func{RngKey, int, Mat}, Func{IDiscreteModel, KernelStep{DiscreteChains, TInfo}}, int)"/>
    /// with the cost of a move read from the kernel (built for model B), plus the re-evaluation at each t.
    /// </summary>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<DiscreteChains>> Between<TInfo>(
        IDiscreteModel start, IDiscreteModel end, double beta, Func<RngKey, int, Mat> startDraws,
        Func<IDiscreteModel, CostedKernel<DiscreteChains, TInfo>> kernelFor)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(kernelFor);
        return EvaluationsPerMove(kernelFor(end)).Bind(cost => Between(start, end, beta, startDraws, m => kernelFor(m).Step, cost));
    }

    /// <summary>
    /// <see cref="Between{TInfo}(IContinuousModel, IContinuousModel, double, Func{RngKey, int, Mat}, Func{IContinuousModel, KernelStep{ContinuousChains, TInfo}}, int)"/>
    /// with the cost of a move read from the kernel (built for model B), plus the re-initialisation at each t.
    /// </summary>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<ContinuousChains>> Between<TInfo>(
        IContinuousModel start, IContinuousModel end, double beta, Func<RngKey, int, Mat> startDraws,
        Func<IContinuousModel, CostedKernel<ContinuousChains, TInfo>> kernelFor)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(kernelFor);
        return EvaluationsPerMove(kernelFor(end)).Bind(cost => Between(start, end, beta, startDraws, m => kernelFor(m).Step, cost));
    }

    /// <summary>
    /// A path counts whole evaluations per move: a fractional expected cost (a mixture's) is rounded up, so the count
    /// bounds the work from above.
    /// </summary>
    private static Validation<Error, int> EvaluationsPerMove<TState, TInfo>(CostedKernel<TState, TInfo> kernel) =>
        kernel.Evaluations <= int.MaxValue
            ? Success<Error, int>((int)Math.Ceiling(kernel.Evaluations))
            : Fail<Error, int>(AnnealingErrors.InvalidPath($"the kernel costs {kernel.Evaluations} evaluations per move, more than 2^31"));
}
