using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// The negative phase of maximum likelihood with Langevin dynamics: K steps x &lt;- x - eps grad_x E(x) + s xi, xi ~ N(0, I)
/// (the unadjusted Langevin algorithm, no accept/reject), from fresh starts or from a replay buffer.
/// </summary>
/// <remarks>
/// With s = sqrt(2 eps) (the default) the chain discretises dx = -grad E dt + sqrt(2) dW, whose stationary density is
/// exp(-E)/Z; a smaller s (as Du &amp; Mordatch 2019 and Grathwohl et al. 2020 use in practice) samples a colder model.
/// A buffer of 0 is short-run MCMC from fresh <see cref="Start"/> draws at every step (Nijkamp, Hill, Zhu &amp; Wu 2019,
/// "Learning non-convergent non-persistent short-run MCMC toward energy-based model", NeurIPS); a buffer of N &gt; 0 keeps
/// N persistent samples in the training state, each step continuing a random subset of them, each of which restarts
/// from <see cref="Start"/> with probability <see cref="ReinitialisationProbability"/> (Du &amp; Mordatch 2019, "Implicit
/// generation and modeling with energy-based models", NeurIPS, section 3.1).
/// </remarks>
/// <param name="Start">Where fresh chains start (<see cref="NoiseDistribution.FitBox"/> or <see cref="NoiseDistribution.FitGaussian"/> of the data).</param>
/// <param name="Steps">K, Langevin steps per training step (at least 1).</param>
/// <param name="StepSize">eps, the step on the energy gradient (positive).</param>
/// <param name="NoiseScale">s, the standard deviation of the noise per step; null for sqrt(2 eps).</param>
/// <param name="BufferSize">N, persistent samples kept (0 for short-run chains).</param>
/// <param name="ReinitialisationProbability">The chance a buffer sample restarts from <see cref="Start"/> (0.05 in Du &amp; Mordatch).</param>
/// <param name="EnergyRegularisation">
/// alpha of Du &amp; Mordatch's regulariser alpha (mean E(x+)^2 + mean E(x-)^2), which keeps energies near 0 (0 for none).
/// </param>
public sealed record LangevinSettings(
    NoiseDistribution Start,
    int Steps = 20,
    double StepSize = 0.01,
    double? NoiseScale = null,
    int BufferSize = 0,
    double ReinitialisationProbability = 0.05,
    double EnergyRegularisation = 0.0)
{
    /// <summary>s: <see cref="NoiseScale"/>, or sqrt(2 <see cref="StepSize"/>) when it is null.</summary>
    public double Noise => NoiseScale ?? Math.Sqrt(2 * StepSize);

    /// <summary>The settings when every one is in range, else the first problem, naming the setting.</summary>
    internal Fin<LangevinSettings> Check(string objective)
    {
        string? problem = Start is null ? "needs a start distribution"
            : Steps < 1 ? $"langevin steps is {Steps}, expected at least 1"
            : !(StepSize > 0 && double.IsFinite(StepSize)) ? $"langevin step size is {StepSize}, expected a positive finite number"
            : !(Noise >= 0 && double.IsFinite(Noise)) ? $"langevin noise is {Noise}, expected a finite number at least 0"
            : BufferSize < 0 ? $"buffer is {BufferSize}, expected 0 (short-run chains) or a positive size"
            : !(ReinitialisationProbability is >= 0 and <= 1) ? $"reinitialisation probability is {ReinitialisationProbability}, expected a number in [0, 1]"
            : !(EnergyRegularisation >= 0 && double.IsFinite(EnergyRegularisation)) ? $"energy regularisation is {EnergyRegularisation}, expected a finite number at least 0"
            : null;
        return problem is null ? FinSucc(this) : FinFail<LangevinSettings>(ContinuousTrainingErrors.InvalidSetting(objective, problem));
    }
}
