using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>
/// Single-site Metropolis for any <see cref="IDiscreteModel"/> (Boltzmann machine, Ising lattice, the
/// joint (v, h) state of an RBM): each update proposes to flip one unit and accepts with probability
/// min(1, exp(-beta dE)), dE = E(x with unit i flipped) - E(x) (Metropolis et al. 1953), except that a tie
/// (|beta dE| &lt;= 1e-6) is accepted with probability 7/8, not 1 (see <see cref="MetropolisAcceptance"/>).
/// </summary>
/// <remarks>
/// <para>Target p_beta(x) ∝ exp(-beta E(x)), E = -log p~. One step is n updates: n uniformly random sites
/// (<see cref="ScanOrder.Random"/>) or one sweep 0..n-1 (<see cref="ScanOrder.Systematic"/>).</para>
/// <para>Irreducible and aperiodic for every beta &gt;= 0: with min(1, e^-x) at ties, beta = 0 (or a model whose
/// flips all leave E unchanged) would flip every unit with certainty, a chain of period 2.</para>
/// <para>Reversibility: each single-site update satisfies detailed balance, so one random-site update
/// (1/n) sum_i K_i does, and the random-scan step (its n-th power) does too. A systematic sweep
/// K_0 ... K_{n-1} leaves p_beta invariant but is not reversible.</para>
/// <para>The cached energy is updated by adding dE, so after very many flips it can drift from E(x) by
/// rounding (about n_flips * eps * |E|); re-<c>Init</c> from the states to refresh it.</para>
/// <para>A NaN beta dE is a rejection counted in <see cref="MetropolisInfo.NanRejections"/>, never an exception.</para>
/// </remarks>
/// <example><code>
/// var sampler = SingleSiteMetropolis.Create(model, beta: 0.4, ScanOrder.Random);
/// var state = sampler.Init(startingStates);                       // C x n, one chain per row
/// var (last, energies) = Loop.Scan(key, state, 1000, sampler.Step, (s, _) =&gt; s.Energies);
/// </code></example>
public static class SingleSiteMetropolis
{
    /// <summary>The name in reports.</summary>
    public const string Name = "metropolis";

    /// <summary>A single-site Metropolis sampler of p_beta for <paramref name="model"/>.</summary>
    /// <param name="model">Any discrete model.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0 (0 samples the uniform distribution).</param>
    /// <param name="order">Random scan (reversible) or systematic sweep (not reversible).</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains (-1: all); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException">beta is negative or not finite (validate user input first).</exception>
    public static Sampler<Mat, DiscreteChains, MetropolisInfo> Create(
        IDiscreteModel model, double beta, ScanOrder order = ScanOrder.Random, int maxDegreeOfParallelism = -1) =>
        new(Name, states => SingleSiteScan.Init(model, states), BuildKernel(model, beta, order, maxDegreeOfParallelism));

    /// <summary>The step alone, for <see cref="Kernels"/> and parallel tempering (<c>b =&gt; BuildKernel(model, b, order)</c>).</summary>
    public static KernelStep<DiscreteChains, MetropolisInfo> BuildKernel(
        IDiscreteModel model, double beta, ScanOrder order = ScanOrder.Random, int maxDegreeOfParallelism = -1)
    {
        CheckBeta(beta);
        var rule = new MetropolisRule(model, beta);
        return (key, chains) =>
        {
            var (next, tally) = SingleSiteScan.Step(rule, model, order, maxDegreeOfParallelism, key, chains);
            return (next, new MetropolisInfo(tally.AcceptanceRates, tally.FlipFractions, tally.TotalNanRejections));
        };
    }

    internal static void CheckBeta(double beta)
    {
        if (!double.IsFinite(beta) || beta < 0.0)
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite and >= 0");
    }
}
