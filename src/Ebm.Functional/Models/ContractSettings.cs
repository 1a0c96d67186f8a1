namespace Ebm.Functional.Models;

/// <summary>How <see cref="ModelContract"/> checks a model: how many states, where, and how strictly.</summary>
/// <param name="States">Random states (or points) to check; each costs n + 1 energy evaluations for a discrete model of n units, 4 d + 1 for a continuous one.</param>
/// <param name="Tolerance">
/// Largest accepted |a - b| / max(1, |E(x)|, |E(x')|) between a model's answer and the one its energy gives (batch
/// energies, flip changes, local fields). The default 1e-9 leaves room for a fast path that sums terms in another
/// order (rounding near 1e-15 per term) and catches any real mistake, which is of the order of a coupling.
/// </param>
/// <param name="GradientTolerance">
/// Largest accepted |g_i - g~_i| / max(1, |E(x)|, max_j |g~_j|) between the model's gradient g and the fourth-order
/// finite difference g~ of its energy (accurate to about 3e-13 of that scale for energies that vary on scales of
/// order one, see <see cref="ContinuousEnergyModel"/>); the default 1e-6 leaves a wide margin for steeper energies.
/// </param>
/// <param name="PointScale">Standard deviation of the random points of a continuous model (each coordinate N(0, PointScale^2)).</param>
public sealed record ContractSettings(int States = 16, double Tolerance = 1e-9, double GradientTolerance = 1e-6, double PointScale = 1.0)
{
    /// <summary>The defaults: 16 states, tolerance 1e-9, gradient tolerance 1e-6, points of scale 1.</summary>
    public static ContractSettings Default { get; } = new();

    /// <summary>Throws when a setting is out of range: settings are chosen in code, so a bad one is a programmer error.</summary>
    public void Validate()
    {
        if (States < 1) throw new ArgumentOutOfRangeException(nameof(States), States, "must be at least 1");
        if (!(Tolerance > 0) || !double.IsFinite(Tolerance)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "must be a positive finite number");
        if (!(GradientTolerance > 0) || !double.IsFinite(GradientTolerance))
            throw new ArgumentOutOfRangeException(nameof(GradientTolerance), GradientTolerance, "must be a positive finite number");
        if (!(PointScale > 0) || !double.IsFinite(PointScale)) throw new ArgumentOutOfRangeException(nameof(PointScale), PointScale, "must be a positive finite number");
    }
}
