namespace Ebm.Functional.Training;

/// <summary>How well a spin machine recovers a known lattice at a known beta (<see cref="InverseIsing.Compare"/>).</summary>
/// <param name="MeanBondCoupling">The recovered couplings of the lattice bonds, each divided by its bond count, averaged: an estimate of beta J.</param>
/// <param name="MaxBondError">The largest |W_ij - beta J (bonds between i and j)| over lattice neighbours.</param>
/// <param name="MaxOffLattice">The largest |W_ij| over pairs that share no bond (true value 0).</param>
/// <param name="MaxFieldError">The largest |b_i - beta h|.</param>
public sealed record CouplingRecovery(double MeanBondCoupling, double MaxBondError, double MaxOffLattice, double MaxFieldError);
