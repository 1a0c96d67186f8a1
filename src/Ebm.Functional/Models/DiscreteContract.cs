using Ebm.Functional.Numerics;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>The checks of <see cref="ModelContract"/> for a discrete model: batch energies, flip changes and local fields against E.</summary>
internal static class DiscreteContract
{
    /// <summary>Every inconsistency of <paramref name="model"/> on the rows of <paramref name="states"/>, one error per member.</summary>
    public static List<Error> Check(IDiscreteModel model, Mat states, ContractSettings settings)
    {
        var n = model.Dimension;
        var tolerance = settings.Tolerance;
        var (low, high) = DiscreteEnergyModel.Levels(model.States);
        var energy = new ContractTally("Energy", "", "evaluations (states and their one-unit neighbours)", "fails at");
        var batch = new ContractTally("Energies", "Energy of the row", "states");
        var flip = new ContractTally("FlipEnergyChange", "E(x with unit i flipped) - E(x)", "(state, site) pairs");
        var field = new ContractTally("LocalField", "(E(x_i = low) - E(x_i = high)) / (high - low)", "(state, site) pairs");
        var errors = new List<Error>();
        var batchEnergies = BatchEnergies(() => model.Energies(states), states.Rows, errors);

        var state = new double[n];
        var copy = new double[n];
        for (var r = 0; r < states.Rows; r++)
        {
            var row = r;
            string State() => ContractTally.Describe("at state", row, state);
            states.Row(r).CopyTo(state);
            var e = EnergyOf(model, state, energy, State);
            if (!double.IsFinite(e)) continue;
            if (batchEnergies is not null) batch.Compare(batchEnergies[r], e, Math.Max(1.0, Math.Abs(e)), tolerance, State);
            for (var i = 0; i < n; i++)
            {
                var site = i;
                string Where() => $"{State()}, site {site}";
                state.CopyTo(copy);
                copy[i] = model.States == StateConvention.Binary ? 1.0 - state[i] : -state[i];
                var flipped = EnergyOf(model, copy, energy, Where);
                if (!double.IsFinite(flipped)) continue;
                // Unit i is low in one of x and its flip and high in the other.
                var (lowEnergy, highEnergy) = state[i] == low ? (e, flipped) : (flipped, e);
                var scale = Math.Max(1.0, Math.Max(Math.Abs(e), Math.Abs(flipped)));
                var flipAnswer = flip.Evaluate(() => model.FlipEnergyChange(state, site), Where);
                flip.Compare(flipAnswer, flipped - e, scale, tolerance, Where);
                var fieldAnswer = field.Evaluate(() => model.LocalField(state, site), Where);
                field.Compare(fieldAnswer, (lowEnergy - highEnergy) / (high - low), scale, tolerance, Where);
            }
        }

        foreach (var tally in new[] { energy, batch, flip, field })
            if (tally.Error() is { } error) errors.Add(error);
        return errors;
    }

    /// <summary>
    /// E of <paramref name="x"/>, or NaN when the energy throws or is NaN (or -infinity, a density that cannot be
    /// normalised), each counted against Energy; +infinity is a legitimate forbidden state and skips the comparisons.
    /// </summary>
    internal static double EnergyOf(IEnergyModel model, double[] x, ContractTally energy, Func<string> where)
    {
        if (energy.Evaluate(() => model is IDiscreteModel discrete ? discrete.Energy(x) : ((IContinuousModel)model).Energy(x), where) is not { } e)
            return double.NaN;
        if (double.IsNaN(e) || double.IsNegativeInfinity(e))
        {
            energy.Fail($"is {ContractTally.Number(e)}", where);
            return double.NaN;
        }

        energy.Pass();
        return e;
    }

    /// <summary>The batch energies, or null after adding the error when the batch member throws or returns the wrong length.</summary>
    internal static Vec? BatchEnergies(Func<Vec> energies, int rows, List<Error> errors)
    {
        try
        {
            var all = energies();
            if (all.Length == rows) return all;
            errors.Add(ModelErrors.Inconsistent("Energies", $"returned {all.Length} energies for a batch of {rows} rows"));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            errors.Add(ModelErrors.Inconsistent("Energies", $"threw {exception.GetType().Name} on a batch of {rows} rows: {exception.Message}"));
        }

        return null;
    }
}
