namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>
/// The constants of step-size adaptation by dual averaging (Hoffman and Gelman 2014, section 3.2; Stan Reference
/// Manual, "HMC algorithm parameters", step-size adaptation), with Stan's defaults.
/// </summary>
/// <param name="TargetAcceptance">
/// delta, the mean acceptance statistic to reach, in (0, 1). Stan's default 0.8 suits NUTS; <see cref="ForHmc"/> uses
/// 0.65, the optimum of fixed-length HMC (Beskos et al. 2013: 0.651) that Hoffman and Gelman also used.
/// </param>
/// <param name="Gamma">gamma, how strongly log h is shrunk towards mu, positive (Stan: 0.05).</param>
/// <param name="T0">t0, which damps the first iterations, non-negative (Stan: 10).</param>
/// <param name="Kappa">kappa, the decay of the averaging weights iteration^-kappa, in (0.5, 1] (Stan: 0.75).</param>
public sealed record DualAveragingSettings(double TargetAcceptance = 0.8, double Gamma = 0.05, double T0 = 10, double Kappa = 0.75)
{
    /// <summary>Stan's defaults: delta 0.8, gamma 0.05, t0 10, kappa 0.75 (NUTS).</summary>
    public static DualAveragingSettings Stan { get; } = new();

    /// <summary>Stan's constants with delta 0.65, the acceptance that fixed-length HMC should aim at.</summary>
    public static DualAveragingSettings ForHmc { get; } = new(TargetAcceptance: 0.65);

    /// <summary>Throws for a constant outside its range (programmer errors).</summary>
    internal void Check()
    {
        if (!(TargetAcceptance > 0 && TargetAcceptance < 1))
            throw new ArgumentOutOfRangeException(nameof(TargetAcceptance), TargetAcceptance, "the target acceptance must lie in (0, 1)");
        if (!(Gamma > 0) || !double.IsFinite(Gamma)) throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "gamma must be positive and finite");
        if (!(T0 >= 0) || !double.IsFinite(T0)) throw new ArgumentOutOfRangeException(nameof(T0), T0, "t0 must be non-negative and finite");
        if (!(Kappa > 0.5 && Kappa <= 1)) throw new ArgumentOutOfRangeException(nameof(Kappa), Kappa, "kappa must lie in (0.5, 1]");
    }
}
