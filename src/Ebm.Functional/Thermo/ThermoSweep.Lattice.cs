using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Thermo;

public static partial class ThermoSweep
{
    /// <summary>
    /// The kernel the sampling methods sweep an Ising lattice with: <see cref="MultiSpinCheckerboard"/>'s Metropolis
    /// ("multispin-metropolis") on a periodic lattice with an even number of rows and of columns (any J and h), the byte
    /// <see cref="Checkerboard"/>'s Metropolis ("checkerboard-metropolis") on any other (odd sides, open boundary).
    /// </summary>
    /// <remarks>
    /// Both are the same Markov chain (the same colours and flip probabilities, Metropolis ties at 7/8); they differ in
    /// their bits: the multi-spin kernel compares each site's uniform with the exact double probability, the byte kernel
    /// with it rounded to a multiple of 2^-32, and they read their random numbers differently. The multi-spin state
    /// packs 64 sites of one colour of one row of one chain per 64-bit word (a row of M columns fills ceil(M / 128)
    /// words per colour, so a lattice narrower than 128 columns leaves part of each word empty); chains run in
    /// parallel, and a lone chain is split into bands of rows.
    /// Wang-Landau keeps its own single-flip kernel: its acceptance min(1, g(E) / g(E')) depends on the walker's own
    /// g at its current total energy, which every accepted flip changes, so 64 packed sites would need 64 sequential
    /// decisions and 64 packed walkers 64 scalar decisions per trial, not one bitwise comparison with a class table.
    /// </remarks>
    /// <param name="model">The lattice.</param>
    public static string IsingKernel(IsingModel model) =>
        MultiSpinLayout.Supports(model)
            ? MultiSpinCheckerboard.Checked(model, 0.0, CheckerboardUpdate.Metropolis, -1).Name
            : Checkerboard.Create(model, 0.0, CheckerboardUpdate.Metropolis).Name;

    private static T IsingRecipe<T>(RngKey key, IsingModel ising, double[] ladder, TemperingSettings settings, ITemperingRecipeUser<T> user)
    {
        var sites = (double)ising.Dimension;
        var parallelism = settings.MaxDegreeOfParallelism;
        var start = SpinOrBinaryStates(key.FoldIn(0), ising, settings.Chains);
        var logZAtZero = ising.Dimension * Math.Log(2.0);
        return MultiSpinLayout.Supports(ising)
            ? user.Use(new TemperingRecipe<MultiSpinChains, CheckerboardInfo>(
                b => MultiSpinCheckerboard.Checked(ising, b, CheckerboardUpdate.Metropolis, parallelism).Step,
                MultiSpinCheckerboard.Checked(ising, ladder[0], CheckerboardUpdate.Metropolis, parallelism).Init,
                s => s.Energies, (s, c) => s.Magnetisations[c] / sites, true, ChainGathers.MultiSpin,
                s => s.ToStates(), (states, _) => MultiSpinChains.FromStates(ising, states), start, logZAtZero))
            : user.Use(new TemperingRecipe<IsingChains, CheckerboardInfo>(
                b => Checkerboard.Create(ising, b, CheckerboardUpdate.Metropolis, parallelism).Step,
                s => IsingChains.FromStates(ising, s),
                s => s.Energies, (s, c) => s.Magnetisations[c] / sites, true, GatherSpins,
                s => s.ToStates(), (states, _) => LanguageExt.Prelude.FinSucc(IsingChains.FromStates(ising, states)), start, logZAtZero));
    }

    /// <summary>
    /// <see cref="ChainGathers.Ising"/>'s result, reading only the spins of the chains it takes: that gather turns every
    /// rung into a matrix for each rung it builds, R^2 conversions a step, which dominated a sweep over 26 rungs.
    /// </summary>
    private static IsingChains GatherSpins(IReadOnlyList<IsingChains> rungs, Func<int, int> source)
    {
        var (model, chains) = (rungs[0].Model, rungs[0].Chains);
        var sites = model.Dimension;
        return IsingChains.FromStates(model, Mat.Create(chains, sites, d =>
        {
            for (var c = 0; c < chains; c++)
            {
                var spins = rungs[source(c)].Spins(c);
                for (var i = 0; i < sites; i++) d[c * sites + i] = spins[i];
            }
        }));
    }
}
