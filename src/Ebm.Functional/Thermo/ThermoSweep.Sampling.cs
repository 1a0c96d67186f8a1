using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

public static partial class ThermoSweep
{
    /// <summary>The models the sampling methods apply to, for error messages.</summary>
    public const string SampledModels = "Ising lattices, q-state Potts and clock lattices and other discrete models (Boltzmann machines, Bernoulli RBMs)";

    /// <summary>
    /// Runs parallel tempering with one rung at every beta of <paramref name="betas"/> and rungs from beta = 0 up to the
    /// grid (<see cref="Rungs"/>, to anchor log Z), and records the energy (and, for spin models, m = M / N; for Potts and
    /// clock lattices the order parameter of <see cref="CategoricalOrder"/>) of every chain after every sweep.
    /// </summary>
    /// <remarks>
    /// Kernels: checkerboard Metropolis sweeps for an <see cref="IsingModel"/> (exact integer bond sums, so energies never
    /// drift), multi-spin coded where the lattice allows it (periodic, even sides: <see cref="IsingKernel"/>); heat-bath checkerboard sweeps over the q values for a <see cref="PottsModel"/> or <see cref="ClockModel"/>
    /// (<see cref="PottsCheckerboard"/>, exact integer counts too), started from uniform draws over the q values; a
    /// systematic heat-bath sweep for any other <see cref="IDiscreteModel"/>. After each sweep of every rung,
    /// adjacent rungs exchange configurations (<see cref="ParallelTempering"/>). Keys: starting states from
    /// key.FoldIn(0), burn-in from key.FoldIn(1), recorded sweeps from key.FoldIn(2); the same key gives the same bits
    /// for any thread count, and for the same run with its rungs in blocks in other processes (<see cref="TemperingBlocks"/>).
    /// </remarks>
    /// <param name="key">The key.</param>
    /// <param name="model">An Ising, Potts or clock lattice, or another discrete model.</param>
    /// <param name="betas">The grid, each finite and at least 0, distinct (any order).</param>
    /// <param name="settings">Chains, sweeps and burn-in.</param>
    /// <param name="progress">Receives the fraction of sweeps done.</param>
    public static Fin<TemperingSamples> Sample(
        RngKey key, IEnergyModel model, IReadOnlyList<double> betas, TemperingSettings settings, IProgress<double>? progress = null) =>
        from valid in settings.Validate()
        from grid in Grid(betas)
        from above in AboveZero(grid)
        from sampled in Sampled(model, TemperingMethod)
        let ladder = Rungs(grid)
        select WithRecipe(key, sampled, ladder, valid, new LocalRun(key, ladder, valid, progress));

    /// <summary>
    /// The rungs of a tempering run over <paramref name="betas"/> (<see cref="Rungs"/> of the sorted grid) with its model and
    /// settings checked as <see cref="Sample"/> checks them: the plan a run whose rungs live in blocks starts from.
    /// </summary>
    /// <param name="model">An Ising, Potts or clock lattice, or another discrete model.</param>
    /// <param name="betas">The grid, each finite and at least 0, distinct (any order), one above 0.</param>
    /// <param name="settings">Chains, sweeps and burn-in.</param>
    public static Fin<TemperingPlan> Plan(IEnergyModel model, IReadOnlyList<double> betas, TemperingSettings settings) =>
        from valid in settings.Validate()
        from grid in Grid(betas)
        from above in AboveZero(grid)
        from sampled in Sampled(model, TemperingMethod)
        select new TemperingPlan(sampled, new Arr<double>(Rungs(grid)), valid);

    /// <summary>log Z(0) = N log q of a model the sampling methods apply to.</summary>
    internal static double TemperingLogZAtZero(IEnergyModel model) =>
        model is ICategoricalModel categorical ? LogZAtZero(categorical) : model.Dimension * Math.Log(2.0);

    /// <summary>
    /// Hands <paramref name="user"/> the recipe of a run over <paramref name="ladder"/> for a model <see cref="Sampled"/>
    /// accepted: Potts and clock lattices, Ising lattices (multi-spin coded or byte by byte), any other discrete model.
    /// </summary>
    internal static T WithRecipe<T>(RngKey key, IEnergyModel sampled, double[] ladder, TemperingSettings settings, ITemperingRecipeUser<T> user) =>
        sampled switch
        {
            ICategoricalModel categorical => user.Use(CategoricalRecipe(key, categorical, settings)),
            IsingModel ising => IsingRecipe(key, ising, ladder, settings, user),
            _ => user.Use(GeneralRecipe(key, (IDiscreteModel)sampled, settings)),
        };

    /// <summary>The grid sorted, or an error when it is empty, holds a negative or non-finite beta, or repeats one.</summary>
    internal static Fin<double[]> Grid(IReadOnlyList<double> betas)
    {
        if (betas.Count == 0) return FinFail<double[]>(ThermoErrors.InvalidBetas("the grid is empty"));
        foreach (var beta in betas)
            if (!double.IsFinite(beta) || beta < 0) return FinFail<double[]>(ThermoErrors.InvalidBetas($"{beta} is not a finite number >= 0"));
        var sorted = betas.Order().ToArray();
        for (var k = 1; k < sorted.Length; k++)
            if (sorted[k] == sorted[k - 1]) return FinFail<double[]>(ThermoErrors.InvalidBetas($"{sorted[k]} appears twice"));
        return FinSucc(sorted);
    }

    private static Fin<double[]> AboveZero(double[] grid) =>
        grid[^1] > 0 ? FinSucc(grid) : FinFail<double[]>(ThermoErrors.InvalidBetas("a sampling method needs a beta above 0 (log Z(0) = N log q exactly)"));

    /// <summary>The model when a sampling method has a kernel for it: a discrete model, or a Potts or clock lattice.</summary>
    private static Fin<IEnergyModel> Sampled(IEnergyModel model, string method) => model switch
    {
        IDiscreteModel => FinSucc(model),
        ICategoricalModel categorical when PottsCheckerboard.Create(categorical, 0.0).IsSucc => FinSucc(model),
        _ => FinFail<IEnergyModel>(ThermoErrors.UnsupportedModel(method, model.Kind, SampledModels)),
    };

    /// <summary>Most rungs added below the grid to reach beta = 0.</summary>
    public const int MaxAnchorRungs = 50;

    /// <summary>
    /// The rungs of a run over <paramref name="grid"/>: the grid itself, and when it starts above 0, evenly spaced rungs
    /// from 0 up to it, spaced like the grid's closest pair (or a tenth of its only beta), at most <see cref="MaxAnchorRungs"/>:
    /// log Z is known at 0, and both integration and reweighting need neighbouring rungs whose energies overlap.
    /// </summary>
    /// <param name="grid">The grid, increasing, distinct, each finite and at least 0.</param>
    public static double[] Rungs(IReadOnlyList<double> grid)
    {
        if (grid[0] == 0.0) return grid.ToArray();
        var spacing = grid[0] / 10;
        for (var k = 1; k < grid.Count; k++) spacing = k == 1 ? grid[1] - grid[0] : Math.Min(spacing, grid[k] - grid[k - 1]);
        var added = Math.Min((int)Math.Ceiling(grid[0] / spacing - 1e-9), MaxAnchorRungs);
        return Enumerable.Range(0, added).Select(i => grid[0] * i / added).Concat(grid).ToArray();
    }

    /// <summary>The local run: every rung in this process (<see cref="ParallelTempering"/>), recorded by <see cref="Run{TState,TInfo}"/>.</summary>
    private sealed class LocalRun(RngKey key, double[] ladder, TemperingSettings settings, IProgress<double>? progress) : ITemperingRecipeUser<TemperingSamples>
    {
        public TemperingSamples Use<TState, TInfo>(TemperingRecipe<TState, TInfo> recipe)
        {
            var total = (double)settings.BurnIn + settings.Sweeps;
            var sampler = ParallelTempering.Create(recipe.KernelAtBeta, recipe.Init, ladder, recipe.Energies, recipe.Gather, settings.MaxDegreeOfParallelism);
            return Run(key, ladder, settings, sampler, recipe.Energies, recipe.Magnetisation, recipe.Spins,
                ScaledProgress.Of(progress, 0, settings.BurnIn / total), ScaledProgress.Of(progress, settings.BurnIn / total, settings.Sweeps / total),
                recipe.Start, recipe.LogZAtZero);
        }
    }

    /// <summary>A systematic heat-bath sweep for a discrete model other than an Ising, Potts or clock lattice.</summary>
    private static TemperingRecipe<DiscreteChains, HeatBathInfo> GeneralRecipe(RngKey key, IDiscreteModel model, TemperingSettings settings) =>
        new(b => HeatBathGibbs.BuildKernel(model, b, ScanOrder.Systematic, settings.MaxDegreeOfParallelism),
            states => new DiscreteChains(states, model.Energies(states)),
            s => s.Energies,
            (s, c) => Magnetisation(s.States.Row(c)),
            model.States == StateConvention.Spin,
            ChainGathers.Discrete,
            s => s.States,
            (states, energies) => FinSucc(new DiscreteChains(states, energies)),
            SpinOrBinaryStates(key.FoldIn(0), model, settings.Chains),
            model.Dimension * Math.Log(2.0));

    private static TemperingSamples Run<TState, TInfo>(
        RngKey key, double[] ladder, TemperingSettings settings, Sampler<Mat, TemperingState<TState>, TemperingInfo<TInfo>> sampler,
        Func<TState, Vec> energies, Func<TState, int, double> magnetisation, bool spins,
        IProgress<double>? burnInProgress, IProgress<double>? recordProgress, Mat start, double logZAtZero)
    {
        var rungs = ladder.Length;
        var chains = settings.Chains;
        var burnt = Loop.Run(key.FoldIn(1), sampler.Init(start), settings.BurnIn, sampler.Step, burnInProgress);
        var energyTrace = new double[rungs][];
        var magnetisationTrace = new double[rungs][];
        for (var k = 0; k < rungs; k++)
        {
            energyTrace[k] = new double[chains * settings.Sweeps];
            magnetisationTrace[k] = spins ? new double[chains * settings.Sweeps] : [];
        }

        var t = 0;
        Loop.Run(key.FoldIn(2), burnt, settings.Sweeps, sampler.Step, (state, _) =>
        {
            for (var k = 0; k < rungs; k++)
            {
                var rung = state.Rungs[k];
                var e = energies(rung);
                for (var c = 0; c < chains; c++)
                {
                    energyTrace[k][c * settings.Sweeps + t] = e[c];
                    if (spins) magnetisationTrace[k][c * settings.Sweeps + t] = magnetisation(rung, c);
                }
            }

            t++;
        }, recordProgress);

        var sweeps = settings.Sweeps;
        var energyMats = energyTrace.Select(trace => Mat.From(chains, sweeps, trace)).ToSeq();
        var magnetisationMats = spins ? Some(magnetisationTrace.Select(trace => Mat.From(chains, sweeps, trace)).ToSeq()) : None;
        return new TemperingSamples(new Arr<double>(ladder), start.Columns, logZAtZero, energyMats, magnetisationMats);
    }

    private static double Magnetisation(ReadOnlySpan<double> state)
    {
        var sum = 0.0;
        foreach (var s in state) sum += s;
        return sum / state.Length;
    }

    private static Mat SpinOrBinaryStates(RngKey key, IDiscreteModel model, int chains) => Mat.Create(chains, model.Dimension, d =>
    {
        key.Uniform(d);
        var low = model.States == StateConvention.Spin ? -1.0 : 0.0;
        for (var i = 0; i < d.Length; i++) d[i] = d[i] < 0.5 ? 1.0 : low;
    });
}
