using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The one rule for <c>ebm logz --versus B.json</c>, checked for every method (exact, each estimator, --compare) right
/// after both files are read and before any work: log(Z_A / Z_B) compares two models on one state space, so both must be
/// discrete with the same number of units and the same convention, both continuous of one dimension, or both
/// Gaussian-Bernoulli RBMs with the same layers (continuous visible units, binary hidden ones).
/// </summary>
internal static class VersusCheck
{
    /// <summary>Success when <paramref name="model"/> (A) and <paramref name="reference"/> (B) share a state space; a reference of null always passes.</summary>
    public static Fin<Unit> SameStateSpace(IEnergyModel model, IEnergyModel? reference) => reference switch
    {
        null => FinSucc(unit),
        IDiscreteModel b when model is IDiscreteModel a && a.Dimension == b.Dimension && a.States == b.States => FinSucc(unit),
        IContinuousModel b when model is IContinuousModel a && a.Dimension == b.Dimension => FinSucc(unit),
        GaussianBernoulliRbm b when model is GaussianBernoulliRbm a && a.Visible == b.Visible && a.Hidden == b.Hidden => FinSucc(unit),
        _ => FinFail<Unit>(Mismatch(reference, model)),
    };

    /// <summary>The error naming both models and what a shared state space means.</summary>
    public static LanguageExt.Common.Error Mismatch(IEnergyModel reference, IEnergyModel model) =>
        CliErrors.InvalidOption("--versus", $"the reference {Describe(reference)} and the model {Describe(model)} do not share a state space " +
            "(both discrete with the same units and convention, both continuous of one dimension, or Gaussian-Bernoulli RBMs with the same layers)");

    private static string Describe(IEnergyModel m) => m switch
    {
        IDiscreteModel d => $"{m.Kind} ({d.Dimension} {(d.States == StateConvention.Spin ? "spin" : "binary")} units)",
        IContinuousModel => $"{m.Kind} ({m.Dimension} continuous variables)",
        GaussianBernoulliRbm g => $"{m.Kind} ({g.Visible} continuous and {g.Hidden} binary units)",
        _ => $"{m.Kind} ({m.Dimension} variables)",
    };
}
