using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>
/// Training data drawn from a known model at inverse temperature beta: spin configurations of an Ising lattice, or
/// states of a Boltzmann machine, p(x) ∝ exp(-beta E(x)). The data of the inverse Ising problem, and of tests that
/// recover a model from its samples.
/// </summary>
/// <remarks>
/// <para>Models of at most <see cref="ModelSampleSettings.ExactUnits"/> units (20 by default) are drawn exactly and
/// independently by enumeration (<see cref="ExactDraws.Discrete"/>). Larger ones run C chains from uniform random
/// states: heat-bath checkerboard sweeps for the Ising lattice (each followed by a Swendsen-Wang cluster update at
/// zero field, Swendsen and Wang 1987), systematic heat-bath Gibbs sweeps for the Boltzmann machine. The chains run a
/// pilot stretch of T sweeps and measure the integrated autocorrelation time tau of the energy and of the sum of the
/// units (Sokal 1997; the larger of the two); while T &lt; 20 tau the stretch doubles and runs again, so the draws
/// start after at least 20 tau sweeps of burn-in. Each chain then gives a draw every ceil(2 tau) sweeps, where an
/// exponentially decaying autocorrelation has fallen to about e^-4 = 0.02. Chains that do not reach T &gt;= 20 tau
/// within <see cref="ModelSampleSettings.MaxSweeps"/> are an error rather than silently correlated data.</para>
/// <para>Warning: the autocorrelation of the energy and the sum does not see every slow mode (below the critical
/// temperature in a field, a lattice may stay in one phase for longer than any pilot); trust the draws where exact
/// moments can check them.</para>
/// <para>Keys: the starts use key.FoldIn(0), pilot stretch s key.FoldIn(1).FoldIn(s), draw k key.FoldIn(2).FoldIn(k).</para>
/// <example><code>
/// Fin&lt;Mat&gt; spins = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(
///     Succ: lattice =&gt; ModelSamples.Ising(RngKey.FromSeed(7), lattice, beta: 0.4, count: 1000),
///     Fail: errors =&gt; FinFail&lt;Mat&gt;(Error.Many(errors)));
/// </code></example>
/// </remarks>
public static class ModelSamples
{
    /// <summary><paramref name="count"/> spin configurations of <paramref name="model"/> at <paramref name="beta"/> (rows of ±1, site r C + c at column r C + c).</summary>
    public static Fin<Mat> Ising(RngKey key, IsingModel model, double beta, int count) =>
        IsingRun(key, model, beta, count, ModelSampleSettings.Default).Map(run => run.Draws);

    /// <summary><paramref name="count"/> states of <paramref name="machine"/> at <paramref name="beta"/> in its own convention (0/1 or ±1).</summary>
    public static Fin<Mat> Boltzmann(RngKey key, BoltzmannMachine machine, double beta, int count) =>
        BoltzmannRun(key, machine, beta, count, ModelSampleSettings.Default).Map(run => run.Draws);

    /// <summary>As <see cref="Ising"/>, with the settings and a record of how the draws were made.</summary>
    public static Fin<ModelSampleRun> IsingRun(RngKey key, IsingModel model, double beta, int count, ModelSampleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Draw(key, model, beta, count, settings, () =>
        {
            var sweep = Checkerboard.Create(model, beta, CheckerboardUpdate.HeatBath, settings.MaxDegreeOfParallelism);
            var clusters = model.Field == 0.0 ? SwendsenWang.Create(model, beta, settings.MaxDegreeOfParallelism).ToOption() : None;
            return clusters.Match(
                Some: c => ModelChains.Run(key, model, beta, count, settings, sweep.Init, Kernels.Sequence(sweep.Step, c.Step), s => s.ToStates(), s => s.Energies),
                None: () => ModelChains.Run(key, model, beta, count, settings, sweep.Init, sweep.Step, s => s.ToStates(), s => s.Energies));
        });
    }

    /// <summary>As <see cref="Boltzmann"/>, with the settings and a record of how the draws were made.</summary>
    public static Fin<ModelSampleRun> BoltzmannRun(RngKey key, BoltzmannMachine machine, double beta, int count, ModelSampleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return Draw(key, machine, beta, count, settings, () =>
        {
            var sampler = HeatBathGibbs.Create(machine, beta, ScanOrder.Systematic, settings.MaxDegreeOfParallelism);
            return ModelChains.Run(key, machine, beta, count, settings, sampler.Init, sampler.Step, chains => chains.States, chains => chains.Energies);
        });
    }

    private static Fin<ModelSampleRun> Draw(RngKey key, IDiscreteModel model, double beta, int count, ModelSampleSettings settings, Func<Fin<ModelSampleRun>> chains)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(beta >= 0.0) || !double.IsFinite(beta)) return FinFail<ModelSampleRun>(DatasetErrors.InvalidSetting("beta", $"must be finite and >= 0, got {beta}"));
        if (count < 0) return FinFail<ModelSampleRun>(DatasetErrors.InvalidSize($"{model.Kind} sample count", $"must be >= 0, got {count}"));
        if (settings.Problem() is { } problem) return FinFail<ModelSampleRun>(DatasetErrors.InvalidSetting("model sample settings", problem));
        if (model.Dimension <= settings.ExactUnits)
            return ExactDraws.Discrete(key, count, model, beta).Map(draws => new ModelSampleRun(draws, Exact: true, Chains: 0, BurnInSweeps: 0, Thinning: 0, AutocorrelationTime: 1.0));
        return chains();
    }
}
