using Ebm.Functional.Models;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact log Z(beta) with U, Var(E), F, S, C (and magnetisation moments where available) for any model
/// that admits an exact method, or an error that says why no exact answer is possible.
/// </summary>
/// <remarks>
/// <para>With <see cref="ExactMethod.Auto"/> the methods are tried in this order, skipping those that do not
/// apply (<see cref="AutoOrder"/>); when one refuses for a numerical reason (<see cref="ExactErrors.IsNumerical"/>:
/// an intermediate out of its range, or a non-finite result) the next is tried:</para>
/// <list type="bullet">
/// <item>Ising: the transfer matrix for lattices of at most 100 spins (it also gives magnetisation
/// moments), Kaufman's closed form (periodic, h = 0, any size), the transfer matrix (a side of at most 16),
/// enumeration (at most 30 spins). Example: h = 1e6 at beta = 100 is beyond the transfer matrix's weight
/// exponents, and enumeration answers.</item>
/// <item>Bernoulli RBM: the layer sum (the smaller layer enumerated, at most 30 units), then enumeration of
/// the joint state (at most 30 units in all). Gaussian-Bernoulli RBM: the layer sum.</item>
/// <item>Boltzmann machine and any other <see cref="IDiscreteModel"/>: enumeration (at most 30 units).</item>
/// <item>Potts and clock lattices: enumeration up to 2^20 states (it gives every magnetisation moment), the transfer
/// matrix for strips (q^W &lt;= 2^20 row states), enumeration up to 2^30 states (<see cref="CategoricalExact"/>).</item>
/// <item>Gaussian: the closed form. Double well, ring, 2-D mixture: quadrature (beta &gt; 0).</item>
/// <item>A 2-D <see cref="MlpEnergy"/> or <see cref="MlpClassifier"/>: quadrature on the box of its input scaling, where its
/// density is defined (<see cref="BoxQuadrature.Network"/>).</item>
/// <item>Any other 2-D <see cref="IContinuousModel"/> (a user's energy): quadrature over a box the caller gives,
/// the <c>region</c> argument of <see cref="Exact"/>.</item>
/// </list>
/// <para>Every result, whatever the method, passes <see cref="ExactResultCheck.Finite(IEnergyModel, ExactResult)"/>:
/// all its numbers are finite, or the call fails with <see cref="ExactErrors.Overflow"/> naming the model field
/// and beta (when every method refused, the overflow error is preferred, as it says that the value itself is
/// not representable). A model too large for every exact method gets <see cref="ExactErrors.TooLarge"/>, naming
/// its size and pointing to the estimators; an explicit method that does not apply gets
/// <see cref="ExactErrors.MethodNotApplicable"/>; a model with no exact method gets <see cref="ExactErrors.NoExactMethod"/>,
/// which lists the methods and the models they apply to, or, for a 2-D continuous energy, <see cref="ExactErrors.RegionNeeded"/>,
/// which says how to pass the box.</para>
/// <example><code>
/// Fin&lt;ExactResult&gt; result = IsingModel.Create(8, 8, 1.0, 0.0, Boundary.Periodic).Match(
///     model =&gt; LogPartition.Exact(model, beta: 0.44),
///     errors =&gt; FinFail&lt;ExactResult&gt;(errors.Head));
/// </code></example>
/// </remarks>
public static class LogPartition
{
    /// <summary>Lattices up to this many spins take the transfer matrix under Auto: a few milliseconds, and it gives &lt;M&gt;, &lt;M^2&gt;.</summary>
    private const int SmallLattice = 100;

    /// <summary>
    /// Exact log Z(beta) with U, Var(E) (and magnetisation moments where available) for any model
    /// that admits an exact method; <paramref name="method"/> = Auto picks the fastest that succeeds.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="beta">The inverse temperature (finite, at least 0; above 0 for continuous models).</param>
    /// <param name="method">The method, or Auto.</param>
    /// <param name="progress">Receives the fraction done of the long methods (enumeration, layer sums).</param>
    /// <param name="region">
    /// For any 2-D <see cref="IContinuousModel"/>, a user's energy included: the box that holds the mass of exp(-beta E)
    /// and the width of its narrowest feature along each axis, integrated by <see cref="Quadrature2D"/> (method Auto or
    /// Quadrature). It replaces the box derived for the toy energies. The result is as accurate as the box is honest: the
    /// grid is refined until two successive grids agree to 1e-12, but mass outside the box, or a peak narrower than the
    /// feature scale claims, is missed without complaint; choose the box where beta (E - E_min) exceeds about 60, which
    /// leaves erfc(sqrt 60) = 1.5e-28 of Z outside for Gaussian-like tails. <see cref="Quadrature2D.Compute"/> also returns
    /// the error estimates.
    /// </param>
    /// <example><code>
    /// // E(x, y) = x^2 / 2 + y^2: Z(1) = sqrt(2 pi) sqrt(pi) = 4.4429; the box [-12, 12] x [-9, 9] leaves e^-72 outside.
    /// Fin&lt;double&gt; logZ = ContinuousEnergyModel.Create(2, p =&gt; 0.5 * p[0] * p[0] + p[1] * p[1]).Match(
    ///     Succ: model =&gt; LogPartition.Exact(model, 1.0, region: new QuadratureRegion(-12, 12, -9, 9, XScale: 1, YScale: 0.7)).Map(r =&gt; r.LogZ),
    ///     Fail: errors =&gt; FinFail&lt;double&gt;(errors.Head));   // Succ(1.4913)
    /// </code></example>
    public static Fin<ExactResult> Exact(
        IEnergyModel model, double beta, ExactMethod method = ExactMethod.Auto, IProgress<double>? progress = null, QuadratureRegion? region = null)
    {
        if (!double.IsFinite(beta) || beta < 0) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        if (region is not null) return InRegion(model, beta, method, region);
        if (method != ExactMethod.Auto) return Run(model, beta, method, progress).Bind(r => ExactResultCheck.Finite(model, r));
        var order = AutoOrder(model);
        if (order.Count == 0) return FinFail<ExactResult>(NothingApplies(model));

        Error? first = null, overflow = null;
        foreach (var candidate in order)
        {
            var result = Run(model, beta, candidate, progress).Bind(r => ExactResultCheck.Finite(model, r));
            if (result.IsSucc) return result;
            var error = (Error)result;
            if (!ExactErrors.IsNumerical(error)) return result;
            first ??= error;
            if (error.Code == ExactErrors.OverflowCode) overflow ??= error;
        }

        return FinFail<ExactResult>(overflow ?? first!);
    }

    /// <summary>
    /// <see cref="Exact"/> at every beta of <paramref name="betas"/>, in order; the first failure stops the sweep.
    /// Enumeration visits the states once for all betas; progress is the fraction of the sweep done.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="betas">The inverse temperatures, each finite and at least 0.</param>
    /// <param name="method">The method, or Auto.</param>
    /// <param name="progress">Receives the fraction of the sweep done.</param>
    /// <param name="region">The quadrature box of a 2-D continuous model, used at every beta (see <see cref="Exact"/>).</param>
    public static Fin<Seq<ExactResult>> Sweep(
        IEnergyModel model, IReadOnlyList<double> betas, ExactMethod method = ExactMethod.Auto, IProgress<double>? progress = null, QuadratureRegion? region = null)
    {
        foreach (var beta in betas)
            if (!double.IsFinite(beta) || beta < 0)
                return FinFail<Seq<ExactResult>>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        if (region is null && model is ICategoricalModel categorical)
            return CategoricalExact.Sweep(categorical, betas, method).Bind(results => ExactResultCheck.Finite(model, results));
        if (region is null && model is IDiscreteModel discrete && UsesEnumeration(model, method))
            return Enumeration.Sweep(discrete, betas, progress).Bind(results => ExactResultCheck.Finite(model, results));

        var results = new List<ExactResult>(betas.Count);
        for (var i = 0; i < betas.Count; i++)
        {
            var r = Exact(model, betas[i], method, region: region);
            if (r.IsFail) return r.Map(_ => Seq<ExactResult>());
            results.Add((ExactResult)r);
            progress?.Report((i + 1.0) / betas.Count);
        }

        return FinSucc(results.ToSeq());
    }

    /// <summary>
    /// The methods <see cref="ExactMethod.Auto"/> tries for <paramref name="model"/>, in order, each of which
    /// applies to the model's kind and size (empty when none does).
    /// </summary>
    public static IReadOnlyList<ExactMethod> AutoOrder(IEnergyModel model)
    {
        var order = new List<ExactMethod>();
        switch (model)
        {
            case IsingModel ising:
                var transfer = IsingTransferMatrix.Applies(ising);
                if (transfer && ising.Dimension <= SmallLattice) order.Add(ExactMethod.TransferMatrix);
                if (Kaufman.Applies(ising)) order.Add(ExactMethod.Kaufman);
                if (transfer && ising.Dimension > SmallLattice) order.Add(ExactMethod.TransferMatrix);
                if (ising.Dimension <= Enumeration.MaxUnits) order.Add(ExactMethod.Enumeration);
                break;
            case BernoulliRbm rbm:
                order.Add(ExactMethod.LayerSum);
                if (rbm.Dimension <= Enumeration.MaxUnits) order.Add(ExactMethod.Enumeration);
                break;
            case GaussianBernoulliRbm:
                order.Add(ExactMethod.LayerSum);
                break;
            case GaussianModel:
                order.Add(ExactMethod.ClosedForm);
                break;
            case DoubleWell or RingEnergy or GaussianMixture2D:
            case MlpEnergy { Dimension: 2 } or MlpClassifier { Dimension: 2 }:
                order.Add(ExactMethod.Quadrature);
                break;
            case IDiscreteModel:
                order.Add(ExactMethod.Enumeration);
                break;
            case ICategoricalModel categorical:
                order.AddRange(CategoricalExact.AutoOrder(categorical));
                break;
        }

        return order;
    }

    /// <summary>Quadrature over the caller's box: only for a 2-D continuous model, by method Auto or Quadrature.</summary>
    private static Fin<ExactResult> InRegion(IEnergyModel model, double beta, ExactMethod method, QuadratureRegion region)
    {
        if (method is not (ExactMethod.Auto or ExactMethod.Quadrature))
            return NotApplicable(method, "a quadrature region", "a region is integrated by quadrature; use auto or quadrature");
        return model is IContinuousModel { Dimension: 2 } plane
            ? Quadrature2D.Compute(plane, beta, region).Map(result => result.Exact)
            : FinFail<ExactResult>(ExactErrors.MethodNotApplicable(
                Quadrature2D.MethodName, $"{model.Kind} of dimension {model.Dimension}", "a quadrature region applies to continuous models over the plane (dimension 2)"));
    }

    /// <summary>Runs one explicit method, unchecked (the callers check the result).</summary>
    private static Fin<ExactResult> Run(IEnergyModel model, double beta, ExactMethod method, IProgress<double>? progress) => model switch
    {
        IsingModel ising => method switch
        {
            ExactMethod.Kaufman => Kaufman.Compute(ising, beta),
            ExactMethod.TransferMatrix => IsingTransferMatrix.Compute(ising, beta),
            ExactMethod.Enumeration => Enumerate(ising, beta, progress),
            _ => NotApplicable(method, "an Ising lattice", "use kaufman, transfer-matrix or enumeration"),
        },
        BernoulliRbm rbm => method switch
        {
            ExactMethod.LayerSum => RbmExact.Compute(rbm, beta, progress),
            ExactMethod.Enumeration => Enumerate(rbm, beta, progress),
            _ => NotApplicable(method, "a Bernoulli RBM", "use layer-sum or enumeration"),
        },
        GaussianBernoulliRbm gbrbm => method == ExactMethod.LayerSum
            ? GaussianBernoulliRbmExact.Compute(gbrbm, beta, progress)
            : NotApplicable(method, "a Gaussian-Bernoulli RBM", "use layer-sum"),
        GaussianModel gaussian => method switch
        {
            ExactMethod.ClosedForm => GaussianExact.TryCompute(gaussian, beta),
            ExactMethod.Quadrature when gaussian.Dimension == 2 => ToyExact.Compute(gaussian, beta),
            _ => NotApplicable(method, "a Gaussian", "use closed-form (or quadrature in 2-D)"),
        },
        DoubleWell or RingEnergy or GaussianMixture2D => method == ExactMethod.Quadrature
            ? ToyExact.Compute((IContinuousModel)model, beta)
            : NotApplicable(method, $"the {model.Kind} energy", "use quadrature"),
        MlpEnergy { Dimension: 2 } or MlpClassifier { Dimension: 2 } => method == ExactMethod.Quadrature
            ? BoxQuadrature.Network((IContinuousModel)model, beta)
            : NotApplicable(method, $"the 2-D {model.Kind} energy", "use quadrature (on the box of its input scaling, 6 standard deviations each way)"),
        IContinuousModel { Dimension: 2 } => method == ExactMethod.Quadrature
            ? FinFail<ExactResult>(ExactErrors.RegionNeeded(model.Kind))
            : NotApplicable(method, $"the 2-D {model.Kind} energy", "use quadrature over a box you give, LogPartition.Exact(model, beta, region: ...)"),
        IDiscreteModel discrete => method == ExactMethod.Enumeration
            ? Enumerate(discrete, beta, progress)
            : NotApplicable(method, $"a {model.Kind}", "use enumeration"),
        ICategoricalModel categorical => method switch
        {
            ExactMethod.Enumeration => CategoricalExact.Enumerate(categorical, beta),
            ExactMethod.TransferMatrix => CategoricalExact.TransferMatrix(categorical, beta),
            _ => NotApplicable(method, $"a {model.Kind} lattice", "use enumeration or transfer-matrix"),
        },
        _ => FinFail<ExactResult>(ExactErrors.NoExactMethod(model.Kind)),
    };

    /// <summary>The error when Auto has no method to try: the model is too large for all of them, or has none.</summary>
    private static Error NothingApplies(IEnergyModel model) => model switch
    {
        IsingModel ising => ExactErrors.TooLarge(
            "an Ising lattice", $"{ising.Rows} x {ising.Columns}",
            $"Kaufman needs a periodic lattice with field 0; the transfer matrix needs a side of at most {IsingTransferMatrix.MaxWidth} " +
            $"and at most 2^32 updates; enumeration at most {Enumeration.MaxUnits} spins"),
        IContinuousModel { Dimension: 2 } => ExactErrors.RegionNeeded(model.Kind),
        ICategoricalModel categorical => CategoricalExact.NothingApplies(categorical),
        _ => ExactErrors.NoExactMethod(model.Kind),
    };

    /// <summary>True when the sweep is one enumeration pass: enumeration requested, or the first method Auto tries.</summary>
    private static bool UsesEnumeration(IEnergyModel model, ExactMethod method) =>
        method == ExactMethod.Enumeration
            ? model is IDiscreteModel
            : method == ExactMethod.Auto && AutoOrder(model) is [ExactMethod.Enumeration];

    private static Fin<ExactResult> Enumerate(IDiscreteModel model, double beta, IProgress<double>? progress) =>
        Enumeration.Compute(model, beta, progress);

    private static Fin<ExactResult> NotApplicable(ExactMethod method, string model, string hint) =>
        FinFail<ExactResult>(ExactErrors.MethodNotApplicable(MethodName(method), model, hint));

    /// <summary>The name of a method as the CLI spells it ("layer-sum", "transfer-matrix", ...).</summary>
    public static string MethodName(ExactMethod method) => method switch
    {
        ExactMethod.Auto => "auto",
        ExactMethod.Enumeration => "enumeration",
        ExactMethod.LayerSum => "layer-sum",
        ExactMethod.Kaufman => "kaufman",
        ExactMethod.TransferMatrix => "transfer-matrix",
        ExactMethod.ClosedForm => "closed-form",
        ExactMethod.Quadrature => "quadrature",
        _ => method.ToString(),
    };
}
