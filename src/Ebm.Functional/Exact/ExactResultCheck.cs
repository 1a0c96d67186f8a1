using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// The last check every exact result passes before it leaves the library: each number finite, or a typed
/// <see cref="ExactErrors.Overflow"/> naming the model field and beta.
/// </summary>
/// <remarks>
/// Every exact method computes in log space and forms its derived quantities without needless overflow, so
/// a non-finite number here means that the exact value itself is not representable in double precision
/// (log Z of magnitude beyond 1.8e308, say beta |J| bonds = 1e308 * 1e308) or that an intermediate of the
/// method overflowed (<see cref="ExactMethod.Auto"/> then tries the next method). The one infinite value
/// allowed is F = -log Z / beta = -infinity at beta = 0, which is exact: log Z(0) = n log 2 &gt; 0 for a
/// discrete model (continuous models need beta &gt; 0). The check is the single gate through which
/// <see cref="LogPartition.Exact"/>, <see cref="LogPartition.Sweep"/> and each method's public entry point
/// return, and the command-line tool applies it again before printing.
/// </remarks>
public static class ExactResultCheck
{
    /// <summary><paramref name="result"/> when all its numbers are finite (Var(E) also &gt;= 0), else the overflow error for <paramref name="model"/>.</summary>
    public static Fin<ExactResult> Finite(IEnergyModel model, ExactResult result) =>
        Problem(result) is { } quantity
            ? FinFail<ExactResult>(ExactErrors.Overflow(Cause(model, result.Beta), result.Beta, quantity))
            : FinSucc(result);

    /// <summary><see cref="Finite(IEnergyModel, ExactResult)"/> over every result of a sweep; the first failure wins.</summary>
    public static Fin<Seq<ExactResult>> Finite(IEnergyModel model, Seq<ExactResult> results)
    {
        foreach (var result in results)
        {
            var checkedResult = Finite(model, result);
            if (checkedResult.IsFail) return checkedResult.Map(_ => results);
        }

        return FinSucc(results);
    }

    /// <summary>The first quantity of <paramref name="result"/> that is not finite, named for a message, or null.</summary>
    public static string? Problem(ExactResult result)
    {
        if (!double.IsFinite(result.LogZ)) return "log Z";
        if (!double.IsFinite(result.MeanEnergy)) return "the mean energy U";
        if (!double.IsFinite(result.EnergyVariance) || result.EnergyVariance < 0) return "the energy variance Var(E)";
        var free = result.FreeEnergy;
        if (!(double.IsFinite(free) || (result.Beta == 0.0 && double.IsNegativeInfinity(free)))) return "the free energy F = -log Z / beta";
        if (!double.IsFinite(result.Entropy)) return "the entropy S = beta (U - F)";
        if (!double.IsFinite(result.HeatCapacity) || result.HeatCapacity < 0) return "the heat capacity C = beta^2 Var(E)";
        var magnetisationFinite = result.Magnetisation.ForAll(m =>
            double.IsFinite(m.Mean) && double.IsFinite(m.MeanSquare) &&
            m.MeanAbsolute.ForAll(double.IsFinite) && m.MeanFourth.ForAll(double.IsFinite));
        return magnetisationFinite ? null : "the magnetisation moments";
    }

    /// <summary>
    /// Who is to blame: for a model with continuous variables at beta &lt; 1, beta itself (U = d / (2 beta)
    /// grows without bound as beta falls); otherwise the field with the largest energy scale.
    /// </summary>
    internal static string Cause(IEnergyModel model, double beta) =>
        model is IContinuousModel or GaussianBernoulliRbm && beta < 1.0
            ? $"beta too small for the {model.Kind} ({ModelFields.Culprit(model)})"
            : ModelFields.TooLarge(model);
}
