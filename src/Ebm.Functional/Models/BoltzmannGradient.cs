using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The gradient of a Boltzmann machine's energy in its parameters, dE/dW and dE/db.
/// </summary>
/// <remarks>
/// For one state x: dE/dW_ij = -x_i x_j (i != j) and dE/db_i = -x_i. W_ij and W_ji are one tied
/// parameter, so <see cref="Couplings"/> is symmetric with a zero diagonal and entry (i, j) is the
/// derivative with respect to that pair: perturbing W_ij and W_ji together by h changes E by
/// h G_ij to first order, and a step W - eta G keeps W symmetric. Maximum-likelihood training uses
/// the difference of two batch means (data minus model), as in Ackley, Hinton and Sejnowski (1985).
/// </remarks>
/// <param name="Couplings">dE/dW, n x n, symmetric, zero diagonal.</param>
/// <param name="Biases">dE/db, length n.</param>
public sealed record BoltzmannGradient(Mat Couplings, Vec Biases);
