using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>Diagnostics of one <see cref="Checkerboard"/> sweep, one entry per chain.</summary>
/// <param name="AcceptanceRates">Metropolis: the mean acceptance probability (min(1, exp(-beta dE)), 7/8 at a tie) over
/// the N proposals of the sweep (exact up to the 2^-32 resolution of the acceptance table); heat bath: 1,
/// since a Gibbs update always moves to a draw from the conditional.</param>
/// <param name="FlipRates">The fraction of the N spins whose value changed in the sweep.</param>
public sealed record CheckerboardInfo(Vec AcceptanceRates, Vec FlipRates) : IAcceptanceInfo;
