using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Gibbs;

/// <summary>
/// Single-site heat-bath Gibbs sampling (Glauber dynamics) for any <see cref="IDiscreteModel"/>: each
/// update draws one unit from its exact conditional given the rest (Geman and Geman 1984; Glauber 1963).
/// </summary>
/// <remarks>
/// <para>With the local field f_i (E(x_i = high) - E(x_i = low) = -f_i (high - low)):
/// p(x_i = 1 | rest) = sigmoid(beta f_i) for {0,1} units, p(s_i = +1 | rest) = sigmoid(2 beta f_i) for
/// spins, E = -log p~. Equivalently unit i flips with probability sigmoid(-beta dE), never more often
/// than Metropolis' min(1, exp(-beta dE)) (Peskun 1973: Metropolis has the smaller asymptotic variance
/// for single-site updates on binary units).</para>
/// <para>One step is n updates, random scan or systematic sweep (<see cref="ScanOrder"/>). Each update
/// satisfies detailed balance, so the random scan is reversible; the systematic sweep only leaves
/// p_beta invariant. At beta = 0 one systematic sweep draws every unit fresh: the state is exactly uniform.</para>
/// <para>A NaN beta f_i keeps the unit and is counted in <see cref="HeatBathInfo.NanRejections"/>.</para>
/// </remarks>
/// <example><code>
/// var sampler = HeatBathGibbs.Create(ising, beta: 0.44, ScanOrder.Systematic);
/// var (last, trace) = Loop.Scan(key, sampler.Init(starts), 500, sampler.Step, (s, _) =&gt; s.Energies);
/// </code></example>
public static class HeatBathGibbs
{
    /// <summary>The name in reports.</summary>
    public const string Name = "gibbs";

    /// <summary>A heat-bath Gibbs sampler of p_beta for <paramref name="model"/>.</summary>
    /// <param name="model">Any discrete model.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="order">Random scan (reversible) or systematic sweep (not reversible).</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains (-1: all); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException">beta is negative or not finite (validate user input first).</exception>
    public static Sampler<Mat, DiscreteChains, HeatBathInfo> Create(
        IDiscreteModel model, double beta, ScanOrder order = ScanOrder.Random, int maxDegreeOfParallelism = -1) =>
        new(Name, states => SingleSiteScan.Init(model, states), BuildKernel(model, beta, order, maxDegreeOfParallelism));

    /// <summary>The step alone, for <see cref="Kernels"/> and parallel tempering (<c>b =&gt; BuildKernel(model, b, order)</c>).</summary>
    public static KernelStep<DiscreteChains, HeatBathInfo> BuildKernel(
        IDiscreteModel model, double beta, ScanOrder order = ScanOrder.Random, int maxDegreeOfParallelism = -1)
    {
        SingleSiteMetropolis.CheckBeta(beta);
        var rule = new HeatBathRule(model, beta);
        return (key, chains) =>
        {
            var (next, tally) = SingleSiteScan.Step(rule, model, order, maxDegreeOfParallelism, key, chains);
            var n = chains.Dimension;
            var carriedOut = Vec.Create(chains.Chains, d =>
            {
                for (var c = 0; c < d.Length; c++) d[c] = n == 0 ? 1.0 : 1.0 - tally.NanRejections[c] / n;
            });
            return (next, new HeatBathInfo(carriedOut, tally.FlipFractions, tally.TotalNanRejections));
        };
    }
}
