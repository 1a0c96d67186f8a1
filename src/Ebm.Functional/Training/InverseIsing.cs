using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// The inverse Ising problem: recovering a coupling per pair and a field per site from spin samples, by training a
/// spin <see cref="BoltzmannMachine"/> over all pairs with any of <see cref="BoltzmannTraining"/>'s objectives
/// (pseudolikelihood, Aurell and Ekeberg 2012; exact maximum likelihood; PCD), and judging the result against a known
/// lattice.
/// </summary>
/// <remarks>
/// A lattice at inverse temperature beta, p(s) ∝ exp(beta J sum_bonds s_i s_j + beta h sum_i s_i), is the spin machine
/// with W_ij = beta J times the number of bonds joining i and j (two on a periodic side of length 2) and b_i = beta h
/// (<see cref="Machine"/>): samples determine beta J and beta h, never J and beta apart. <c>ebm train --model ising</c>
/// trains and writes such a machine ("boltzmann-machine", spin convention).
/// </remarks>
/// <example><code>
/// // lattice: a 3 x 3 IsingModel; sgd: Optimizers.Sgd(0.5, momentum: 0.9), both validated
/// Fin&lt;CouplingRecovery&gt; recovery =
///     from samples in ExactDraws.Discrete(key, 3000, lattice, beta: 0.4)
///     from start in InverseIsing.Start(lattice.Dimension)
///     let trainer = new Trainer&lt;BoltzmannMachine&gt;(BoltzmannTraining.Parameters, BoltzmannTraining.Pseudolikelihood(), sgd)
///     from state in trainer.Init(key, start)
///     from trained in trainer.Epochs(state, samples, batchSize: 3000, epochs: 300)
///     select InverseIsing.Compare(trained.Model, lattice, beta: 0.4);
/// </code></example>
public static class InverseIsing
{
    /// <summary>A spin machine over <paramref name="sites"/> sites with zero couplings and fields: the usual start.</summary>
    public static Fin<BoltzmannMachine> Start(int sites) =>
        sites >= 1
            ? Build(Mat.Zeros(sites, sites), Vec.Zeros(sites))
            : FinFail<BoltzmannMachine>(TrainingErrors.InvalidSetting("sites", $"{sites} must be at least 1"));

    /// <summary>
    /// Spin samples from a data set of {0,1} values (0 becomes -1) or of spins (kept): the data files of
    /// <c>ebm train</c> hold 0/1 per value, the inverse Ising problem needs -1/+1. A set mixing 0 and -1, or holding any
    /// other value, is refused with <see cref="TrainingErrors.StateOutsideSupport"/> naming the first offending value.
    /// </summary>
    public static Fin<Mat> ToSpins(Mat data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = data.Span;
        var hasZero = values.IndexOf(0.0) >= 0;
        for (var k = 0; k < values.Length; k++)
        {
            var v = values[k];
            if (v == 1.0 || (hasZero ? v == 0.0 : v == -1.0)) continue;
            return FinFail<Mat>(TrainingErrors.StateOutsideSupport("ising", k / data.Columns, k % data.Columns, v, hasZero ? "{0, 1}" : "{-1, +1}"));
        }

        return FinSucc(hasZero ? Mat.Create(data.Rows, data.Columns, d =>
        {
            data.Span.CopyTo(d);
            for (var k = 0; k < d.Length; k++) d[k] = 2.0 * d[k] - 1.0;
        }) : data);
    }

    /// <summary>The spin machine whose distribution at beta = 1 is <paramref name="lattice"/>'s at <paramref name="beta"/>.</summary>
    /// <remarks>A periodic side of length 1 bonds a site to itself: a constant that leaves the distribution alone and has no coupling.</remarks>
    public static Fin<BoltzmannMachine> Machine(IsingModel lattice, double beta)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        if (!double.IsFinite(beta) || beta < 0) return FinFail<BoltzmannMachine>(TrainingErrors.InvalidSetting("beta", $"{beta} must be finite and >= 0"));
        var bonds = Bonds(lattice);
        var n = lattice.Dimension;
        var coupling = beta * lattice.Coupling;
        return Build(Mat.Create(n, n, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = coupling * bonds[k];
        }), Vec.Filled(n, beta * lattice.Field));
    }

    /// <summary>The number of lattice bonds joining each pair of sites (n x n, symmetric, zero diagonal).</summary>
    public static Mat BondCounts(IsingModel lattice)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        return Mat.Wrap(lattice.Dimension, lattice.Dimension, Bonds(lattice));
    }

    /// <summary>How far a recovered machine is from <paramref name="lattice"/> at <paramref name="beta"/> (<see cref="CouplingRecovery"/>).</summary>
    /// <exception cref="ArgumentException">The machine does not have one unit per lattice site.</exception>
    public static CouplingRecovery Compare(BoltzmannMachine recovered, IsingModel lattice, double beta)
    {
        ArgumentNullException.ThrowIfNull(recovered);
        ArgumentNullException.ThrowIfNull(lattice);
        var n = lattice.Dimension;
        if (recovered.Dimension != n) throw new ArgumentException($"the machine has {recovered.Dimension} units, the lattice {n} sites", nameof(recovered));
        var bonds = Bonds(lattice);
        double bondError = 0, offLattice = 0, fieldError = 0, bondSum = 0;
        var bondPairs = 0;
        for (var i = 0; i < n; i++)
        {
            fieldError = Math.Max(fieldError, Math.Abs(recovered.Biases[i] - beta * lattice.Field));
            for (var j = i + 1; j < n; j++)
            {
                var w = recovered.Couplings[i, j];
                if (bonds[i * n + j] == 0)
                {
                    offLattice = Math.Max(offLattice, Math.Abs(w));
                    continue;
                }

                bondError = Math.Max(bondError, Math.Abs(w - beta * lattice.Coupling * bonds[i * n + j]));
                bondSum += w / bonds[i * n + j];
                bondPairs++;
            }
        }

        return new CouplingRecovery(bondPairs == 0 ? 0.0 : bondSum / bondPairs, bondError, offLattice, fieldError);
    }

    private static double[] Bonds(IsingModel lattice)
    {
        int rows = lattice.Rows, columns = lattice.Columns, n = lattice.Dimension;
        var periodic = lattice.Boundary == Boundary.Periodic;
        var bonds = new double[n * n];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var site = r * columns + c;
                if (c + 1 < columns || periodic) Join(bonds, n, site, r * columns + (c + 1) % columns);
                if (r + 1 < rows || periodic) Join(bonds, n, site, (r + 1) % rows * columns + c);
            }

        return bonds;
    }

    private static void Join(double[] bonds, int n, int site, int neighbour)
    {
        if (site == neighbour) return;
        bonds[site * n + neighbour] += 1;
        bonds[neighbour * n + site] += 1;
    }

    private static Fin<BoltzmannMachine> Build(Mat couplings, Vec biases) =>
        BoltzmannMachine.Create(couplings, biases, StateConvention.Spin).Match(FinSucc, errors => FinFail<BoltzmannMachine>(Error.Many(errors)));
}
