using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Thermodynamics over a grid of inverse temperatures, each quantity with its standard error: exactly
/// (<see cref="Exact"/>), by parallel tempering over the grid (<see cref="Tempering"/>), and by annealed importance
/// sampling along it (<see cref="Annealed"/>); <see cref="Reweighting"/> combines a tempering run into smooth curves.
/// </summary>
/// <remarks>
/// Every method returns <see cref="ThermoPoint"/>s: U = &lt;E&gt;, F = -log Z / beta, S = beta (U - F), C = beta^2 Var E,
/// totals over the model, and for spin models the order moments &lt;|m|&gt;, chi and U_4 (<see cref="OrderMoments"/>); the
/// sampling methods, and the exact sweep of a small lattice, give them for Potts and clock lattices too, of the order
/// parameter <see cref="CategoricalOrder"/>.
/// <example><code>
/// Fin&lt;Seq&lt;ThermoPoint&gt;&gt; sweep = IsingModel.Create(8, 8, 1.0, 0.0, Boundary.Periodic).Match(
///     Succ: model =&gt; ThermoSweep.Tempering(RngKey.FromSeed(7), model, [0.1, 0.2, 0.3, 0.4, 0.5], new TemperingSettings()),
///     Fail: errors =&gt; FinFail&lt;Seq&lt;ThermoPoint&gt;&gt;(errors.Head));
/// </code></example>
/// </remarks>
public static partial class ThermoSweep
{
    /// <summary>The method name of <see cref="Exact"/>'s points.</summary>
    public const string ExactMethodName = "exact";

    /// <summary>
    /// The exact thermodynamics at every beta (<see cref="LogPartition.Sweep"/>), errors 0; the order moments where the
    /// exact method gives &lt;|M|&gt; and &lt;M^4&gt; of a spin model, and for a Potts or clock lattice of at most
    /// <see cref="MaxExactOrderStates"/> states those of <see cref="CategoricalOrder"/> (<see cref="ExactCategoricalOrder"/>).
    /// </summary>
    /// <param name="model">Any model with an exact method.</param>
    /// <param name="betas">The inverse temperatures, each finite and at least 0.</param>
    /// <param name="method">The exact method, or Auto.</param>
    /// <param name="progress">Receives the fraction of the sweep done.</param>
    public static Fin<Seq<ThermoPoint>> Exact(
        IEnergyModel model, IReadOnlyList<double> betas, ExactMethod method = ExactMethod.Auto, IProgress<double>? progress = null) =>
        LogPartition.Sweep(model, betas, method, progress).Bind(rows => WithCategoricalOrder(model, rows.Map(r => FromExact(model, r))));

    /// <summary>An exact result as a point with errors 0.</summary>
    /// <param name="model">The model, for the number of units and its state convention.</param>
    /// <param name="result">The exact result.</param>
    public static ThermoPoint FromExact(IEnergyModel model, ExactResult result) =>
        new(ExactMethodName, result.Beta,
            Measured.Exact(result.LogZ),
            Measured.Exact(result.MeanEnergy),
            Measured.Exact(result.FreeEnergy),
            Measured.Exact(result.Entropy),
            Measured.Exact(result.HeatCapacity),
            None,
            model is IDiscreteModel { States: StateConvention.Spin } ? result.Magnetisation.Bind(m => Order(m, result.Beta, model.Dimension)) : None);

    private static Option<OrderMoments> Order(MagnetisationMoments moments, double beta, int units) =>
        from absolute in moments.MeanAbsolute
        from fourth in moments.MeanFourth
        let square = moments.MeanSquare
        select new OrderMoments(
            Measured.Exact(absolute / units),
            Measured.Exact(beta * (square - absolute * absolute) / units),
            Measured.Exact(1 - fourth / (3 * square * square)));
}
