using System.Numerics.Tensors;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Single-site Metropolis for a <see cref="BoltzmannMachine"/> with the local fields cached (<see cref="SaFieldChains"/>):
/// the same kernel as <see cref="SingleSiteMetropolis"/> — the same sites, the same uniforms, the same acceptance
/// a(beta dE) of <see cref="MetropolisAcceptance"/> — with dE = -f_i (x_i' - x_i) read from the cache in O(1) instead of
/// a dot product of n terms, and O(n) work only when a flip is accepted, which at the low temperatures of annealing is rare.
/// </summary>
/// <remarks>
/// Chain c draws from key.FoldIn(c): update u uses uniform 2u to choose the site (random scan) and 2u + 1 to accept, as
/// <see cref="SingleSiteMetropolis"/> does, so where the cached field equals the freshly summed one (integer couplings,
/// say) the two kernels make exactly the same moves; otherwise they differ only where the rounding of dE moves a uniform
/// across the acceptance probability. Chains run one after another: annealing runs its restarts in parallel instead.
/// </remarks>
public static class SaLocalFieldMetropolis
{
    /// <summary>The state of the chains starting at the rows of <paramref name="states"/> (each unit low or high).</summary>
    /// <exception cref="ArgumentException">A row of the wrong length or a unit that is neither low nor 1.</exception>
    public static SaFieldChains Init(BoltzmannMachine model, Mat states)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(states);
        var n = model.Dimension;
        if (states.Columns != n) throw new ArgumentException($"states have {states.Columns} columns, the model has {n} units", nameof(states));
        var low = model.States == StateConvention.Binary ? 0.0 : -1.0;
        foreach (var value in states.Span)
            if (value != low && value != 1.0)
                throw new ArgumentException($"a unit holds {value}; {model.States} units are {low} or 1", nameof(states));
        var fields = Mat.Create(states.Rows, n, d =>
        {
            for (var c = 0; c < states.Rows; c++)
            {
                var row = d.Slice(c * n, n);
                model.Biases.Span.CopyTo(row);
                var x = states.Row(c);
                for (var j = 0; j < n; j++)
                    if (x[j] != 0.0) TensorPrimitives.MultiplyAdd(model.Couplings.Row(j), x[j], row, row);
            }
        });
        return new SaFieldChains(states, fields, model.Energies(states));
    }

    /// <summary>The step at inverse temperature <paramref name="beta"/> (finite, &gt;= 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">beta is negative or not finite (validate user input first).</exception>
    public static KernelStep<SaFieldChains, MetropolisInfo> BuildKernel(BoltzmannMachine model, double beta, ScanOrder order = ScanOrder.Random)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!double.IsFinite(beta) || beta < 0.0) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite and >= 0");
        return (key, chains) => Step(model, beta, order, key, chains);
    }

    private static (SaFieldChains, MetropolisInfo) Step(BoltzmannMachine model, double beta, ScanOrder order, RngKey key, SaFieldChains chains)
    {
        var count = chains.States.Rows;
        var n = model.Dimension;
        var low = model.States == StateConvention.Binary ? 0.0 : -1.0;
        var states = chains.States.Span.ToArray();
        var fields = chains.Fields.Span.ToArray();
        var energies = chains.Energies.ToArray();
        var acceptance = new double[count];
        var flips = new double[count];
        var nans = 0;
        var couplings = model.Couplings;
        // Uniforms 2u and 2u + 1 of every update, drawn in one bulk fill: the same numbers as UniformAt, far faster.
        var draws = new double[2 * n];
        for (var c = 0; c < count; c++)
        {
            key.FoldIn(c).Uniform(draws);
            var row = states.AsSpan(c * n, n);
            var field = fields.AsSpan(c * n, n);
            double acceptanceSum = 0, flipCount = 0;
            for (var u = 0; u < n; u++)
            {
                var site = order == ScanOrder.Random ? Math.Min((int)(draws[2 * u] * n), n - 1) : u;
                var flipped = row[site] == 1.0 ? low : 1.0;
                var delta = flipped - row[site];
                var energyChange = -field[site] * delta;
                var probability = MetropolisAcceptance.Probability(beta * energyChange);
                if (double.IsNaN(probability))
                {
                    nans++;
                    continue;
                }

                acceptanceSum += probability;
                if (draws[2 * u + 1] >= probability) continue;
                row[site] = flipped;
                energies[c] += energyChange;
                flipCount++;
                TensorPrimitives.MultiplyAdd(couplings.Row(site), delta, field, field);
            }

            acceptance[c] = n == 0 ? 1.0 : acceptanceSum / n;
            flips[c] = n == 0 ? 0.0 : flipCount / n;
        }

        var next = new SaFieldChains(Mat.Wrap(count, n, states), Mat.Wrap(count, n, fields), Vec.Wrap(energies));
        return (next, new MetropolisInfo(Vec.Wrap(acceptance), Vec.Wrap(flips), nans));
    }
}
