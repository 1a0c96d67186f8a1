using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Thermo;
using LanguageExt;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>Exact densities of tiny categorical lattices counted by the tests themselves, state by state through the model's energy.</summary>
internal static class BruteForceDensity
{
    /// <summary>The exact density of a small categorical model by visiting all q^N states (the test's own count).</summary>
    public static DensityOfStates Of(ICategoricalModel model)
    {
        var n = model.Dimension;
        var state = new double[n];
        var energies = new List<double>();
        var total = (long)Math.Pow(model.Levels, n);
        for (long index = 0; index < total; index++)
        {
            var rest = index;
            for (var i = 0; i < n; i++)
            {
                state[i] = rest % model.Levels;
                rest /= model.Levels;
            }

            energies.Add(model.Energy(state));
        }

        var levels = energies.GroupBy(e => Math.Round(e, 9)).OrderBy(g => g.Key).ToArray();
        return new DensityOfStates("exact", Vec.From(levels.Select(g => g.Key).ToArray()), Vec.From(levels.Select(g => Math.Log(g.Count())).ToArray()),
            Vec.Zeros(levels.Length), n * Math.Log(model.Levels), 0, 0, Option<Mat>.None);
    }
}
