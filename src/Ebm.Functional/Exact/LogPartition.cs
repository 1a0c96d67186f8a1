using Ebm.Functional.Errors;
using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact log partition functions: picks the method that applies to a model and returns its
/// thermodynamics, or an error that says why no exact answer is possible.
/// </summary>
/// <remarks>
/// <para>With <see cref="ExactMethod.Auto"/> the choice is, per kind:</para>
/// <list type="bullet">
/// <item>Ising: the transfer matrix for lattices of at most 100 spins (it also gives magnetisation
/// moments), else Kaufman's closed form (periodic, h = 0, any size), else the transfer matrix where it
/// applies (a side of at most 16), else enumeration (at most 30 spins).</item>
/// <item>Bernoulli and Gaussian-Bernoulli RBM: the layer sum (the smaller layer enumerated, at most 30 units).</item>
/// <item>Boltzmann machine and any other <see cref="IDiscreteModel"/>: enumeration (at most 30 units).</item>
/// <item>Gaussian: the closed form. Double well, ring, 2-D mixture: quadrature (beta &gt; 0).</item>
/// </list>
/// <para>A model too large for every exact method gets <see cref="ExactErrors.TooLarge"/>, naming its size
/// and pointing to the estimators; an explicit method that does not apply gets
/// <see cref="ExactErrors.MethodNotApplicable"/>.</para>
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
    /// that admits an exact method; <paramref name="method"/> = Auto picks the fastest.
    /// </summary>
    public static Fin<ExactResult> Exact(IEnergyModel model, double beta, ExactMethod method = ExactMethod.Auto, IProgress<double>? progress = null)
    {
        if (!double.IsFinite(beta) || beta < 0) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        return model switch
        {
            IsingModel ising => Ising(ising, beta, method, progress),
            BernoulliRbm rbm => method switch
            {
                ExactMethod.Auto or ExactMethod.LayerSum => RbmExact.Compute(rbm, beta, progress),
                ExactMethod.Enumeration => Enumerate(rbm, beta, progress),
                _ => NotApplicable(method, "a Bernoulli RBM", "use layer-sum or enumeration"),
            },
            GaussianBernoulliRbm gbrbm => method is ExactMethod.Auto or ExactMethod.LayerSum
                ? GaussianBernoulliRbmExact.Compute(gbrbm, beta, progress)
                : NotApplicable(method, "a Gaussian-Bernoulli RBM", "use layer-sum"),
            GaussianModel gaussian => method switch
            {
                ExactMethod.Auto or ExactMethod.ClosedForm => beta > 0
                    ? FinSucc(GaussianExact.Compute(gaussian, beta))
                    : FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "a Gaussian needs beta > 0")),
                ExactMethod.Quadrature when gaussian.Dimension == 2 => ToyExact.Compute(gaussian, beta),
                _ => NotApplicable(method, "a Gaussian", "use closed-form (or quadrature in 2-D)"),
            },
            DoubleWell or RingEnergy or GaussianMixture2D => method is ExactMethod.Auto or ExactMethod.Quadrature
                ? ToyExact.Compute((IContinuousModel)model, beta)
                : NotApplicable(method, $"the {model.Kind} energy", "use quadrature"),
            IDiscreteModel discrete => method is ExactMethod.Auto or ExactMethod.Enumeration
                ? Enumerate(discrete, beta, progress)
                : NotApplicable(method, $"a {model.Kind}", "use enumeration"),
            _ => FinFail<ExactResult>(ExactErrors.NoExactMethod(model.Kind)),
        };
    }

    /// <summary>
    /// <see cref="Exact"/> at every beta of <paramref name="betas"/>, in order; the first failure stops the sweep.
    /// Enumeration visits the states once for all betas; progress is the fraction of the sweep done.
    /// </summary>
    public static Fin<Seq<ExactResult>> Sweep(IEnergyModel model, IReadOnlyList<double> betas, ExactMethod method = ExactMethod.Auto, IProgress<double>? progress = null)
    {
        foreach (var beta in betas)
            if (!double.IsFinite(beta) || beta < 0)
                return FinFail<Seq<ExactResult>>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        if (model is IDiscreteModel discrete && UsesEnumeration(model, method))
            return Enumeration.Sweep(discrete, betas, progress);

        var results = new List<ExactResult>(betas.Count);
        for (var i = 0; i < betas.Count; i++)
        {
            var r = Exact(model, betas[i], method);
            if (r.IsFail) return r.Map(_ => Seq<ExactResult>());
            results.Add((ExactResult)r);
            progress?.Report((i + 1.0) / betas.Count);
        }

        return FinSucc(results.ToSeq());
    }

    private static bool UsesEnumeration(IEnergyModel model, ExactMethod method) => model switch
    {
        IsingModel ising => method == ExactMethod.Enumeration ||
                            (method == ExactMethod.Auto && !IsingTransferMatrix.Applies(ising) && !Kaufman.Applies(ising)),
        BernoulliRbm => method == ExactMethod.Enumeration,
        GaussianBernoulliRbm => false,
        IDiscreteModel => method is ExactMethod.Auto or ExactMethod.Enumeration,
        _ => false,
    };

    private static Fin<ExactResult> Ising(IsingModel model, double beta, ExactMethod method, IProgress<double>? progress) => method switch
    {
        ExactMethod.Kaufman => Kaufman.Compute(model, beta),
        ExactMethod.TransferMatrix => IsingTransferMatrix.Compute(model, beta),
        ExactMethod.Enumeration => Enumerate(model, beta, progress),
        ExactMethod.Auto when model.Dimension <= SmallLattice && IsingTransferMatrix.Applies(model) => IsingTransferMatrix.Compute(model, beta),
        ExactMethod.Auto when Kaufman.Applies(model) => Kaufman.Compute(model, beta),
        ExactMethod.Auto when IsingTransferMatrix.Applies(model) => IsingTransferMatrix.Compute(model, beta),
        ExactMethod.Auto when model.Dimension <= Enumeration.MaxUnits => Enumerate(model, beta, progress),
        ExactMethod.Auto => FinFail<ExactResult>(ExactErrors.TooLarge(
            "an Ising lattice", $"{model.Rows} x {model.Columns}",
            $"Kaufman needs a periodic lattice with field 0; the transfer matrix needs a side of at most {IsingTransferMatrix.MaxWidth} " +
            $"and at most 2^32 updates; enumeration at most {Enumeration.MaxUnits} spins")),
        _ => NotApplicable(method, "an Ising lattice", "use kaufman, transfer-matrix or enumeration"),
    };

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
