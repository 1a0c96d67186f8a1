using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

public sealed partial record DensityOfStates
{
    /// <summary>The <see cref="Method"/> of exact densities.</summary>
    public const string ExactMethodName = "exact";

    /// <summary>
    /// The exact density of states by counting every state: the Ising lattice up to 30 units (a Gray-code walk over the
    /// integer bond and spin sums, exact energies), Potts and clock lattices with q^N &lt;= 2^30
    /// (<see cref="CategoricalEnumeration.EnergyCounts"/>), any other binary <see cref="IDiscreteModel"/> up to
    /// <see cref="Enumeration.MaxTableUnits"/> units (its enumerated energies, equal within 1e-12 of their scale counted
    /// as one). Errors 0.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="maxDegreeOfParallelism">Most worker threads; -1 for the executor's choice. Does not change the result.</param>
    public static Fin<DensityOfStates> Exact(IEnergyModel model, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            IsingModel ising => WangLandauLattice.Of(ising).Match(l => l, () => throw new InvalidOperationException("an Ising model is a lattice"))
                .Bind(lattice => Lattice(lattice, maxDegreeOfParallelism)),
            ICategoricalModel categorical => Categorical(categorical, maxDegreeOfParallelism),
            IDiscreteModel discrete => Enumerated(discrete, maxDegreeOfParallelism),
            _ => WangLandauErrors.NotApplicable($"the {model.Kind} model", "an exact density of states needs a discrete energy spectrum"),
        };
    }

    private static Fin<DensityOfStates> Lattice(WangLandauLattice lattice, int maxDegreeOfParallelism)
    {
        if (lattice.Sites > WangLandauLatticeCounts.MaxUnits)
            return WangLandauErrors.ExactTooLarge(lattice.Model, $"{lattice.Sites} units", $"at most {WangLandauLatticeCounts.MaxUnits} units are counted");
        var counts = WangLandauLatticeCounts.Count(lattice, maxDegreeOfParallelism);
        var largest = counts.Select((c, bin) => c > 0 ? Math.Abs(lattice.Energy(bin)) : 0.0).Max();
        return FromCounts(counts.Length, bin => counts[bin], bin => lattice.Energy(bin), 1e-12 * Math.Max(1.0, largest), lattice.LogStates);
    }

    private static Fin<DensityOfStates> Categorical(ICategoricalModel model, int maxDegreeOfParallelism)
    {
        if (Math.Pow(model.Levels, model.Dimension) > CategoricalEnumeration.MaxStates)
            return WangLandauErrors.ExactTooLarge($"the {model.Kind} model", $"{model.Levels}^{model.Dimension} states",
                $"at most {CategoricalEnumeration.MaxStates} states are counted");
        return CategoricalEnumeration.EnergyCounts(model, maxDegreeOfParallelism).Map(counts =>
            new DensityOfStates(ExactMethodName, counts.Energies, counts.LogCounts, Vec.Zeros(counts.Energies.Length),
                model.Dimension * Math.Log(model.Levels), 0, 0, None));
    }

    private static Fin<DensityOfStates> Enumerated(IDiscreteModel model, int maxDegreeOfParallelism)
    {
        if (model.Dimension > Enumeration.MaxTableUnits)
            return WangLandauErrors.ExactTooLarge($"the {model.Kind} model", $"{model.Dimension} units", $"at most {Enumeration.MaxTableUnits} units are enumerated");
        return Enumeration.Energies(model, maxDegreeOfParallelism).Map(energies =>
        {
            var values = energies.Span.ToArray();
            var largest = values.Max(Math.Abs);
            return FromCounts(values.Length, _ => 1, bin => values[bin], 1e-12 * Math.Max(1.0, largest), model.Dimension * Math.Log(2.0));
        });
    }

    /// <summary>An exact density from the number of states in each bin and the energy of each bin.</summary>
    internal static DensityOfStates FromCounts(int bins, Func<int, long> count, Func<int, double> energyOf, double tolerance, double logStates)
    {
        var listed = Enumerable.Range(0, bins).Where(bin => count(bin) > 0).ToArray();
        var (energies, levelOfBin) = EnergyLevels.Group(bins, listed, energyOf, tolerance);
        var totals = new long[energies.Length];
        foreach (var bin in listed) totals[levelOfBin[bin]] += count(bin);
        return new DensityOfStates(ExactMethodName, Vec.From(energies), Vec.From(totals.Select(t => Math.Log(t)).ToArray()),
            Vec.Zeros(energies.Length), logStates, 0, 0, None);
    }
}
