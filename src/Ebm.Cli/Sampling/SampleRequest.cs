namespace Ebm.Cli.Sampling;

/// <summary>The sampler options of <c>ebm sample</c>, already checked for range by the command.</summary>
internal sealed record SampleRequest(string Sampler, int Chains, double Beta, double StepSize, int LeapfrogSteps, int Rungs, double BetaRatio);
