using Ebm.Functional.Models;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// The exact methods of the q-state Potts and clock lattices, one entry point for both models: enumeration of the q^N
/// states (<see cref="CategoricalEnumeration"/>, q^N &lt;= 2^30, every moment) and the row-to-row transfer matrix for strips
/// (q^W &lt;= 2^20 row states for the shorter side W, any length; U, Var(E), &lt;M_x&gt; and &lt;|M|^2&gt;).
/// </summary>
/// <remarks>
/// <para>Both give <see cref="ExactResult"/> with totals over the lattice; the magnetisation is the vector order parameter
/// M = sum_i (cos 2 pi s_i / q, sin 2 pi s_i / q) (see <see cref="CategoricalEnumeration"/>). <see cref="LogPartition"/> uses
/// them for Potts and clock models under <see cref="ExactMethod.Auto"/>: enumeration up to 2^20 states (it also gives
/// &lt;|M|&gt; and &lt;|M|^4&gt;), then the transfer matrix, then enumeration up to 2^30 states.</para>
/// <para>Checks in the tests: the two methods agree on every small lattice (both boundaries, with a field, q = 2..5, clock
/// too); q = 2 Potts is the Ising model at J / 2, h / 2 (log Z shifted by beta (J B + h N) / 2); the q = 2 clock model is the
/// Ising model at J, h; the q = 4 clock model at h = 0 is two Ising models at J / 2 (Betts 1964).</para>
/// </remarks>
/// <example><code>
/// Fin&lt;double&gt; logZ =
///     from model in PottsModel.Create(4, 64, 3, 1.0, 0.0, Boundary.Periodic)
///         .Match(Succ: Fin&lt;PottsModel&gt;.Succ, Fail: errors =&gt; Fin&lt;PottsModel&gt;.Fail(errors.Head))
///     from result in CategoricalExact.TransferMatrix(model, beta: 1.0)
///     select result.LogZ;
/// </code></example>
public static class CategoricalExact
{
    /// <summary>Lattices of at most this many states take enumeration first under Auto: milliseconds, and every moment.</summary>
    private const long SmallStates = 1L << 20;

    /// <summary>Exact results by enumeration of all q^N states (q^N &lt;= 2^30).</summary>
    /// <param name="model">A Potts or clock lattice.</param>
    /// <param name="beta">Inverse temperature, finite and at least 0.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads; -1 for all. Does not change the result.</param>
    public static Fin<ExactResult> Enumerate(ICategoricalModel model, double beta, int maxDegreeOfParallelism = -1) =>
        CategoricalEnumeration.Sweep(model, [beta], maxDegreeOfParallelism).Map(results => results.Head);

    /// <summary>Exact results by the row-to-row transfer matrix (q^W &lt;= 2^20 row states for the shorter side W).</summary>
    /// <param name="model">A Potts or clock lattice.</param>
    /// <param name="beta">Inverse temperature, finite and at least 0.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads; -1 for all. Does not change the result.</param>
    public static Fin<ExactResult> TransferMatrix(ICategoricalModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        if (!double.IsFinite(beta) || beta < 0) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        var terms = CategoricalTerms.Of(model);
        if (terms is null) return FinFail<ExactResult>(ExactErrors.NoExactMethod(model.Kind));
        return CategoricalTransferMatrix.Check(terms, model.Kind).Match(
            Some: error => FinFail<ExactResult>(error),
            None: () => CategoricalTransferMatrix.Compute(terms, model.Kind, ModelFields.TooLarge(model), beta, maxDegreeOfParallelism)
                .Bind(result => ExactResultCheck.Finite(model, result)));
    }

    /// <summary>
    /// The exact results at every beta: one enumeration pass for all of them, or one transfer-matrix run per beta; Auto picks
    /// as <see cref="LogPartition"/> does.
    /// </summary>
    /// <param name="model">A Potts or clock lattice.</param>
    /// <param name="betas">Inverse temperatures, each finite and at least 0.</param>
    /// <param name="method">Auto, Enumeration or TransferMatrix.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads; -1 for all. Does not change the result.</param>
    public static Fin<Seq<ExactResult>> Sweep(ICategoricalModel model, IReadOnlyList<double> betas, ExactMethod method = ExactMethod.Auto, int maxDegreeOfParallelism = -1)
    {
        foreach (var beta in betas)
            if (!double.IsFinite(beta) || beta < 0) return FinFail<Seq<ExactResult>>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        if (method == ExactMethod.Auto)
        {
            var order = AutoOrder(model);
            if (order.Count == 0) return FinFail<Seq<ExactResult>>(NothingApplies(model));
            Error? first = null;
            foreach (var candidate in order)
            {
                var result = Sweep(model, betas, candidate, maxDegreeOfParallelism);
                if (result.IsSucc || !ExactErrors.IsNumerical((Error)result)) return result;
                first ??= (Error)result;
            }

            return FinFail<Seq<ExactResult>>(first!);
        }

        return method switch
        {
            ExactMethod.Enumeration => CategoricalEnumeration.Sweep(model, betas, maxDegreeOfParallelism),
            ExactMethod.TransferMatrix => betas.Aggregate(FinSucc(Seq<ExactResult>()),
                (done, beta) => done.Bind(results => TransferMatrix(model, beta, maxDegreeOfParallelism).Map(results.Add))),
            _ => FinFail<Seq<ExactResult>>(ExactErrors.MethodNotApplicable(LogPartition.MethodName(method), $"a {model.Kind} lattice", "use enumeration or transfer-matrix")),
        };
    }

    /// <summary>The methods Auto tries for <paramref name="model"/>, in order (empty when none applies).</summary>
    public static IReadOnlyList<ExactMethod> AutoOrder(ICategoricalModel model)
    {
        var order = new List<ExactMethod>();
        var terms = CategoricalTerms.Of(model);
        if (terms is null) return order;
        var states = CategoricalWalk.States(model.Levels, model.Dimension);
        var enumerable = states >= 0;
        if (enumerable && states <= SmallStates) order.Add(ExactMethod.Enumeration);
        if (CategoricalTransferMatrix.Check(terms, model.Kind).IsNone) order.Add(ExactMethod.TransferMatrix);
        if (enumerable && states > SmallStates) order.Add(ExactMethod.Enumeration);
        return order;
    }

    /// <summary>
    /// The pooled updates one transfer-matrix call makes on <paramref name="model"/> (an upper estimate when periodic;
    /// <see cref="long.MaxValue"/> when the row states exceed 2^20), so a caller can state the cost of a sweep first.
    /// </summary>
    public static long TransferMatrixUpdates(ICategoricalModel model) =>
        CategoricalTerms.Of(model) is { } terms ? CategoricalTransferMatrix.Work(terms) : long.MaxValue;

    /// <summary>The error when no exact method takes <paramref name="model"/>.</summary>
    internal static Error NothingApplies(ICategoricalModel model) =>
        CategoricalTerms.Of(model) is { } terms
            ? ExactErrors.TooLarge($"a {model.Kind} lattice", $"{terms.Rows} x {terms.Columns} with {terms.Levels} states",
                $"enumeration visits at most 2^30 states; the transfer matrix needs q^W <= 2^20 row states (W the shorter side) " +
                $"and at most {CategoricalTransferMatrix.MaxWork:E2} updates")
            : ExactErrors.NoExactMethod(model.Kind);
}
