using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Everything a tempering run over one model needs about its rung states, whichever process runs the rungs: the kernel
/// at a beta, the starting states, the energies and order parameter it records, the gather that moves chains between
/// rungs, and the transport of a whole rung as spins (or values) plus energies.
/// </summary>
/// <typeparam name="TState">One rung's batch of chains.</typeparam>
/// <typeparam name="TInfo">The kernel's diagnostics.</typeparam>
/// <param name="KernelAtBeta">The local kernel at a beta (built once per rung).</param>
/// <param name="Init">One rung's state from the starting configurations (the same at every rung).</param>
/// <param name="Energies">The cached energies of a state, one per chain.</param>
/// <param name="Magnetisation">The order parameter recorded for chain c (m = M / N, or <see cref="ThermoSweep.CategoricalOrder"/>).</param>
/// <param name="Spins">Whether the order parameter is recorded (spin models, Potts and clock lattices).</param>
/// <param name="Gather">How chains move between rungs.</param>
/// <param name="ToStates">A rung's configurations, chains x units, exact small integers.</param>
/// <param name="FromStates">A rung rebuilt from its configurations and cached energies; it gathers to the same bits as the original.</param>
/// <param name="Start">The starting configurations, chains x units (drawn with the run's key.FoldIn(0)).</param>
/// <param name="LogZAtZero">log Z(0) = N log q.</param>
internal sealed record TemperingRecipe<TState, TInfo>(
    Func<double, KernelStep<TState, TInfo>> KernelAtBeta,
    Func<Mat, TState> Init,
    Func<TState, Vec> Energies,
    Func<TState, int, double> Magnetisation,
    bool Spins,
    ChainGather<TState> Gather,
    Func<TState, Mat> ToStates,
    Func<Mat, Vec, Fin<TState>> FromStates,
    Mat Start,
    double LogZAtZero);
