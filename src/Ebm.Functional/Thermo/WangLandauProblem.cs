using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// What a Wang-Landau run needs of a model: its bins, the energy of each, log of its number of states, the units per
/// sweep, the tolerance within which two bins' energies are one energy, and a walker from a key.
/// </summary>
internal sealed record WangLandauProblem(
    string Model,
    int Bins,
    int Sites,
    double LogStates,
    Func<int, double> EnergyOf,
    double MergeTolerance,
    Func<RngKey, int, WangLandauSettings, Action<double>, Fin<WangLandauWalkerRun>> Walk)
{
    /// <summary>The problem of an Ising, Potts or clock lattice, or of a binary model on the settings' grid.</summary>
    public static Fin<WangLandauProblem> Of(IEnergyModel model, WangLandauSettings settings) =>
        WangLandauLattice.Of(model).Match(
            Some: lattice => lattice.Bind(Lattice),
            None: () => model switch
            {
                IDiscreteModel discrete => settings.Grid.Match(
                    Some: grid => FinSucc(Grid(discrete, grid)),
                    None: () => FinFail<WangLandauProblem>(WangLandauErrors.GridNeeded($"the {discrete.Kind} model"))),
                _ => FinFail<WangLandauProblem>(WangLandauErrors.NotApplicable($"the {model.Kind} model",
                    "Wang-Landau sampling needs a discrete energy spectrum: Ising, Potts and clock lattices, or a binary model with an energy grid")),
            });

    private static Fin<WangLandauProblem> Lattice(WangLandauLattice lattice)
    {
        if (lattice.Bins > WangLandauLattice.MaxBins) return WangLandauErrors.TooManyBins(lattice.Model, lattice.Bins, WangLandauLattice.MaxBins);
        var largest = (Math.Abs(lattice.Coupling) * lattice.BondTerms * lattice.Pair.Max(Math.Abs)
                       + Math.Abs(lattice.Field) * lattice.Sites * lattice.Single.Max(Math.Abs)) / lattice.Scale;
        return new WangLandauProblem(lattice.Model, (int)lattice.Bins, lattice.Sites, lattice.LogStates, bin => lattice.Energy(bin),
            1e-12 * Math.Max(1.0, largest),
            (key, walker, settings, report) => WangLandauWalk.Run(
                new WangLandauLatticeMoves(lattice, key.FoldIn(0)), key.FoldIn(1), (int)lattice.Bins, lattice.Sites, settings, walker, report));
    }

    private static WangLandauProblem Grid(IDiscreteModel model, EnergyGrid grid) =>
        new($"the {model.Kind} model", grid.Count, model.Dimension, model.Dimension * Math.Log(2.0), grid.Energy, 0.0,
            (key, walker, settings, report) =>
            {
                var moves = new WangLandauGridMoves(model, grid, key.FoldIn(0));
                return moves.Bin < 0
                    ? moves.OffGrid()
                    : WangLandauWalk.Run(moves, key.FoldIn(1), grid.Count, model.Dimension, settings, walker, report);
            });
}
