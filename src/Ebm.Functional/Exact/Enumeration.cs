using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact thermodynamics of any discrete model by visiting all 2^n states (n &lt;= 30).
/// </summary>
/// <remarks>
/// <para>
/// With p_beta(x) = exp(-beta E(x)) / Z(beta) and the sum over every x in {low, high}^n:
/// log Z = log sum_x exp(-beta E(x)), U = &lt;E&gt;, Var(E) = &lt;(E - U)^2&gt;, and the moments
/// &lt;M&gt;, &lt;M^2&gt;, &lt;|M|&gt;, &lt;M^4&gt; of M = sum_i x_i (the magnetisation for spin models,
/// the number of active units for {0,1} models). Example: one spin with bias b has log Z = log(2 cosh beta b).
/// </para>
/// <para>
/// Method: the states are split into a fixed set of blocks by their top bits; each block evaluates
/// its first energy with <see cref="IDiscreteModel.Energy"/> and walks the rest in Gray-code order,
/// one <see cref="IDiscreteModel.FlipEnergyChange"/> per state (at most 2^20 flips before the next
/// exact re-anchoring). Sums are kept in log space relative to a running maximum of -beta E, and
/// the variance by a weighted Welford update, so nothing overflows at any beta &gt;= 0 and Var(E)
/// suffers no cancellation; S is a sum of non-negative terms built from the log weights, and C = beta^2 Var(E)
/// falls back on the variance of the log weights where Var(E) underflows (<see cref="EnumerationMoments"/>).
/// A step whose running energy overflowed (fields near 1e308 added and taken away) is replaced by the
/// state's exact energy; a state whose exact energy is not a finite number fails the call with
/// <see cref="ExactErrors.Overflow"/> naming the model field. Blocks run in parallel, then merge in block order: the result is
/// bit-identical for every degree of parallelism on a given machine and build.
/// </para>
/// <para>
/// Sign convention: E(x) = -log p~(x), so low energies carry high weight. References: the reflected
/// binary code (Gray 1953; Knuth, TAOCP vol. 4A, 7.2.1.1); weighted running moments (West 1979)
/// and their pairwise merge (Chan, Golub and LeVeque 1979).
/// </para>
/// <para>
/// Cost: 2^n (flip cost + a few flops per beta); a 24-unit Boltzmann machine takes about half a
/// second on one core. Warning: n = 30 is 10^9 states, minutes of work; above that use an
/// estimator (AIS, SMC, ...).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var couplings = Mat.FromRows([[0.0, 1.0], [1.0, 0.0]]);
/// Fin&lt;ExactResult&gt; result = BoltzmannMachine.Create(couplings, Vec.Of(0.2, -0.4), StateConvention.Spin)
///     .Match(machine => Enumeration.Compute(machine, beta: 0.5), errors => errors.Head);
/// result.Match(r => Console.WriteLine($"log Z = {r.LogZ}"), e => Console.WriteLine(e.Message));
/// // log Z = log(2 e^0.5 cosh(-0.1) + 2 e^-0.5 cosh(0.3)) = 1.5221362857...
/// </code>
/// </example>
public static class Enumeration
{
    /// <summary>Most units whose states are enumerated for log Z.</summary>
    public const int MaxUnits = 30;

    /// <summary>Most units for which the full table of 2^n energies or probabilities is returned.</summary>
    public const int MaxTableUnits = 20;

    /// <summary>The <see cref="ExactResult.Method"/> of enumeration results.</summary>
    public const string MethodName = "enumeration";

    /// <summary>
    /// The blocks one pass over the 2^n states of <paramref name="units"/> units is split into, each keeping its own
    /// moments of every beta until they merge: 1 up to n = 14, 2^(n - 14) up to n = 24, then 1024 (the partition
    /// depends on n alone). Lets a caller state the memory of a sweep before running it.
    /// </summary>
    public static int Blocks(int units) => 1 << (units - EnumerationWalk.DefaultBlockBits(units));

    /// <summary>
    /// Exact log Z(beta), U, Var(E) and magnetisation moments of <paramref name="model"/>.
    /// </summary>
    /// <param name="model">Any discrete model with at most <see cref="MaxUnits"/> units.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="progress">Receives the fraction of blocks done, increasing, ending at 1; does not change the result.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads; -1 for all cores. Does not change the result.</param>
    public static Fin<ExactResult> Compute(IDiscreteModel model, double beta, IProgress<double>? progress = null, int maxDegreeOfParallelism = -1) =>
        Sweep(model, [beta], progress, maxDegreeOfParallelism).Map(results => results.Head);

    /// <summary>
    /// <see cref="Compute"/> at every beta of <paramref name="betas"/> from one pass over the states,
    /// in the order given; each result is bit-identical to a separate <see cref="Compute"/> call.
    /// </summary>
    public static Fin<Seq<ExactResult>> Sweep(IDiscreteModel model, IReadOnlyList<double> betas, IProgress<double>? progress = null, int maxDegreeOfParallelism = -1) =>
        Sweep(model, betas, progress, maxDegreeOfParallelism, EnumerationWalk.DefaultBlockBits(model.Dimension));

    /// <summary>
    /// E(x) of all 2^n states, at index x with bit i set when unit i is high (n &lt;= <see cref="MaxTableUnits"/>).
    /// </summary>
    public static Fin<Vec> Energies(IDiscreteModel model, int maxDegreeOfParallelism = -1) =>
        Energies(model, maxDegreeOfParallelism, EnumerationWalk.DefaultBlockBits(model.Dimension));

    /// <summary>
    /// p_beta(x) = exp(-beta E(x)) / Z(beta) of all 2^n states, indexed as in <see cref="Energies(IDiscreteModel, int)"/>
    /// (n &lt;= <see cref="MaxTableUnits"/>); meant for exact checks such as a sampler's detailed balance.
    /// </summary>
    public static Fin<Vec> Probabilities(IDiscreteModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        if (!ValidBeta(beta)) return FinFail<Vec>(InvalidBeta(beta));
        return Energies(model, maxDegreeOfParallelism).Bind(energies =>
        {
            var e = energies.Span;
            var maxLogWeight = double.NegativeInfinity;
            foreach (var energy in e) maxLogWeight = Math.Max(maxLogWeight, -beta * energy);
            var weights = new double[e.Length];
            var total = 0.0;
            for (var x = 0; x < e.Length; x++)
            {
                weights[x] = Math.Exp(-beta * e[x] - maxLogWeight);
                total += weights[x];
            }

            for (var x = 0; x < weights.Length; x++) weights[x] /= total;
            return weights.All(double.IsFinite)
                ? FinSucc(Vec.Wrap(weights))
                : FinFail<Vec>(ExactErrors.Overflow(ModelFields.TooLarge(model), beta, "the energy or the log weight -beta E of some state"));
        });
    }

    /// <summary><see cref="Sweep(IDiscreteModel, IReadOnlyList{double}, IProgress{double}?, int)"/> with a chosen block size (tests).</summary>
    internal static Fin<Seq<ExactResult>> Sweep(IDiscreteModel model, IReadOnlyList<double> betas, IProgress<double>? progress, int maxDegreeOfParallelism, int blockBits)
    {
        var units = model.Dimension;
        if (units > MaxUnits) return FinFail<Seq<ExactResult>>(TooLarge(model, MaxUnits, "enumeration visits at most 2^30 states"));
        blockBits = Math.Min(blockBits, units);
        foreach (var beta in betas)
            if (!ValidBeta(beta)) return FinFail<Seq<ExactResult>>(InvalidBeta(beta));
        if (betas.Count == 0) return FinSucc(Seq<ExactResult>());

        var blockCount = 1 << (units - blockBits);
        var partial = new EnumerationMoments[blockCount][];
        ForEachBlock(blockCount, maxDegreeOfParallelism, progress, block =>
        {
            var visitor = new MomentsVisitor(betas);
            EnumerationWalk.Block(model, block, blockBits, ref visitor);
            partial[block] = visitor.Moments;
        });

        var totals = partial[0];
        for (var block = 1; block < blockCount; block++)
        for (var k = 0; k < totals.Length; k++)
            totals[k] = EnumerationMoments.Combine(totals[k], partial[block][k]);
        if (totals.Any(m => m.SawNonFiniteEnergy))
            return FinFail<Seq<ExactResult>>(ExactErrors.Overflow(ModelFields.TooLarge(model), betas[0], "the energy of some state"));
        return ExactResultCheck.Finite(model, totals.Select(m => m.ToResult()).ToSeq().Strict());
    }

    /// <summary><see cref="Energies(IDiscreteModel, int)"/> with a chosen block size (tests).</summary>
    internal static Fin<Vec> Energies(IDiscreteModel model, int maxDegreeOfParallelism, int blockBits)
    {
        var units = model.Dimension;
        if (units > MaxTableUnits) return FinFail<Vec>(TooLarge(model, MaxTableUnits, "a table of all states holds at most 2^20 entries"));
        blockBits = Math.Min(blockBits, units);
        var energies = new double[1 << units];
        ForEachBlock(1 << (units - blockBits), maxDegreeOfParallelism, null, block =>
        {
            var visitor = new EnergyVisitor(energies);
            EnumerationWalk.Block(model, block, blockBits, ref visitor);
        });
        return FinSucc(Vec.Wrap(energies));
    }

    private static void ForEachBlock(int blockCount, int maxDegreeOfParallelism, IProgress<double>? progress, Action<int> body)
    {
        var gate = new object();
        var done = 0;
        Batch.ForEachRow(maxDegreeOfParallelism, blockCount, block =>
        {
            body(block);
            if (progress is null) return;
            // One report at a time, under the lock, so the fractions arrive in increasing order.
            lock (gate) progress.Report(++done / (double)blockCount);
        });
    }

    private static bool ValidBeta(double beta) => double.IsFinite(beta) && beta >= 0.0;

    private static Error InvalidBeta(double beta) => ExactErrors.InvalidBeta(beta, "expected a finite number >= 0");

    private static Error TooLarge(IDiscreteModel model, int limit, string why) =>
        ExactErrors.TooLarge(model.Kind, $"{model.Dimension} units (2^{model.Dimension} states)", $"{why}, so at most {limit} units");

    private struct MomentsVisitor(IReadOnlyList<double> betas) : IStateVisitor
    {
        public readonly EnumerationMoments[] Moments = betas.Select(beta => new EnumerationMoments(beta)).ToArray();

        public readonly void Visit(int index, double energy, double magnetisation)
        {
            for (var k = 0; k < Moments.Length; k++) Moments[k].Add(energy, magnetisation);
        }
    }

    private readonly struct EnergyVisitor(double[] energies) : IStateVisitor
    {
        public void Visit(int index, double energy, double magnetisation) => energies[index] = energy;
    }
}
