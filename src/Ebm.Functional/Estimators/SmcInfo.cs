using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Estimators;

/// <summary>What one step of the sequential Monte Carlo kernel did (<see cref="SmcKernel{TState}.Step"/>).</summary>
/// <param name="Increments">log w_i = log f_{t'}(x_i) - log f_t(x_i), the incremental log weight of each incoming particle.</param>
/// <param name="LogMeanWeight">log m = log sum_i W_i w_i, the step's contribution to log Z.</param>
/// <param name="ConditionalEss">(sum_i W_i w_i)^2 / sum_i W_i w_i^2 as a fraction of N (Zhou, Johansen and Aston 2016).</param>
/// <param name="Ess">1 / sum_i W_i^2 of the reweighted particles, before any resampling, out of N.</param>
/// <param name="Resampled">Whether the particles were resampled (the ESS fell below the kernel's threshold).</param>
/// <param name="Ancestors">Particle i of the new batch is incoming particle <c>Ancestors[i]</c>; empty when not resampled.</param>
/// <param name="StartLogDensity">log f_t of the incoming particles.</param>
/// <param name="EndLogDensity">log f_{t'} of the particles after resampling and before the moves.</param>
/// <param name="Moves">The infos of the kernel transitions at t' (empty when the step ended the path and did not move).</param>
public sealed record SmcInfo(
    Vec Increments,
    double LogMeanWeight,
    double ConditionalEss,
    double Ess,
    bool Resampled,
    Seq<int> Ancestors,
    Vec StartLogDensity,
    Vec EndLogDensity,
    Seq<IAcceptanceInfo> Moves);
