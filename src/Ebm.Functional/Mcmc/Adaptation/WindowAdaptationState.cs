using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>The state of Stan's windowed warm-up after <see cref="Iteration"/> transitions.</summary>
/// <param name="Iteration">Transitions done.</param>
/// <param name="StepSize">The dual-averaging state of the step size.</param>
/// <param name="Variance">The draws of the current slow window so far.</param>
/// <param name="InverseMassDiagonal">M^-1 for the next transition: the initial mass until the first window closes.</param>
public sealed record WindowAdaptationState(int Iteration, DualAveragingState StepSize, VarianceAccumulator Variance, Vec InverseMassDiagonal)
{
    /// <summary>The tuning to sample with once warm-up ends: dual averaging's average step size and the current mass.</summary>
    public AdaptedTuning Tuning => new(StepSize.AverageStepSize, InverseMassDiagonal);
}
