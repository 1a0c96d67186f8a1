namespace Ebm.Cli.Sampling;

/// <summary>The sampler options of <c>ebm sample</c>, already checked for range by the command.</summary>
/// <param name="Adapt">--adapt: the burn-in is Stan's warm-up, tuning the step size and diagonal mass of hmc or nuts.</param>
internal sealed record SampleRequest(string Sampler, int Chains, double Beta, double StepSize, int LeapfrogSteps, int Rungs, double BetaRatio, bool Adapt = false);
