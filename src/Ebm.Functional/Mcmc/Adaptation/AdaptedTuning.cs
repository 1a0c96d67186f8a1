using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>What warm-up hands to the sampling phase: the adapted step size and inverse mass diagonal.</summary>
/// <param name="StepSize">h-bar, dual averaging's final average step size.</param>
/// <param name="InverseMassDiagonal">The regularised variances of the last slow window (all ones when no window ran).</param>
public sealed record AdaptedTuning(double StepSize, Vec InverseMassDiagonal);
