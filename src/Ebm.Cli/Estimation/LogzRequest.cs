namespace Ebm.Cli.Estimation;

/// <summary>Everything <c>ebm logz</c> was asked for, as given on the command line.</summary>
/// <param name="Method">exact, is, ais, reverse-ais, sandwich, smc, bridge, linked-is or ti.</param>
/// <param name="Particles">Particles (independent draws, chains) N.</param>
/// <param name="Steps">Annealing steps K (intermediate distributions), or points of a thermodynamic-integration ladder.</param>
/// <param name="Schedule">linear, geometric, sigmoid, adaptive or the path of a file of points.</param>
/// <param name="Kernel">The MCMC kernel at each intermediate distribution, or "auto".</param>
/// <param name="DataPath">A data file for the RBM base-rate model, if given.</param>
/// <param name="Beta">The target inverse temperature.</param>
/// <param name="Seed">The seed of every random number.</param>
/// <param name="StepSize">Step size of continuous kernels.</param>
/// <param name="LeapfrogSteps">Leapfrog steps of HMC.</param>
/// <param name="ReferenceScale">Standard deviation s of a Gaussian reference N(0, s^2 I) for continuous models; null: moment matched to a pilot run.</param>
/// <param name="Resampling">SMC resampling scheme: multinomial, systematic, stratified or residual.</param>
/// <param name="EssThreshold">SMC resamples when the ESS falls below this fraction of the particles.</param>
/// <param name="Repetitions">Independent runs whose spread gives the SMC error.</param>
/// <param name="VersusPath">A reference model file B: estimate log(Z_A / Z_B) by annealing from B to the model A.</param>
/// <param name="TargetConditionalEss">Adaptive tempering: the conditional ESS each step keeps, as a fraction of the particles (NaN: the method's default).</param>
internal sealed record LogzRequest(
    string Method,
    int Particles,
    int Steps,
    string Schedule,
    string Kernel,
    string? DataPath,
    double Beta,
    ulong Seed,
    double StepSize,
    int LeapfrogSteps,
    double? ReferenceScale,
    string Resampling = "systematic",
    double EssThreshold = 0.5,
    int Repetitions = 8,
    double TargetConditionalEss = double.NaN,
    string? VersusPath = null)
{
    /// <summary>The conditional ESS target of SMC's adaptive tempering.</summary>
    public double SmcTargetConditionalEss => double.IsNaN(TargetConditionalEss) ? 0.9 : TargetConditionalEss;

    /// <summary>The conditional ESS target of the pilot run that places an adaptive AIS schedule (no resampling, so it must be high).</summary>
    public double PilotTargetConditionalEss => double.IsNaN(TargetConditionalEss) ? 0.995 : TargetConditionalEss;

    /// <summary>
    /// The base-rate visible biases computed from <see cref="DataPath"/> by the machine that read it, carried to the
    /// workers of a cluster in place of the file (null: none computed yet).
    /// </summary>
    public double[]? BaseRateBias { get; init; }

    /// <summary>Seed used when none is given; printed with every result.</summary>
    public const ulong DefaultSeed = 42;
}
