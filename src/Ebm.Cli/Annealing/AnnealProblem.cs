using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Cli.Annealing;

/// <summary>
/// The problem of one <c>ebm anneal</c> run: the model whose energy is minimised (binary units, an
/// <see cref="IDiscreteModel"/>, or the q-valued units of a Potts or clock lattice, an <see cref="ICategoricalModel"/>),
/// where it came from, and the Max-Cut or QUBO problem it encodes (whose own objective is reported beside the energy).
/// </summary>
/// <param name="Kind">The problem's kind in reports: a model kind, "max-cut", "qubo", "sherrington-kirkpatrick" or "edwards-anderson".</param>
/// <param name="Source">The file it was read from, or how it was generated.</param>
/// <param name="Model">The model: an <see cref="IDiscreteModel"/> or an <see cref="ICategoricalModel"/>.</param>
/// <param name="MaxCut">The Max-Cut problem, when the model is one.</param>
/// <param name="Qubo">The QUBO problem, when the model is one.</param>
internal sealed record AnnealProblem(string Kind, string Source, IEnergyModel Model, Option<MaxCutProblem> MaxCut, Option<QuboProblem> Qubo)
{
    /// <summary>Neighbours of a lattice site (the square lattice), the z of the default temperature scales.</summary>
    private const int LatticeNeighbours = 4;

    /// <summary>q, the values a unit takes: 2 for binary units.</summary>
    public int Levels => Model is ICategoricalModel categorical ? categorical.Levels : 2;

    /// <summary>
    /// The default temperature scale: the root-mean-square energy change of a single-unit move in a uniformly random state.
    /// For spins, 2 sqrt(sum_j W_ij^2 + b_i^2) at the unit where it is largest (without the 2 for 0/1 units); for a Potts or
    /// clock lattice, sqrt(c_q (z J^2 + h^2)) with z = 4 neighbours and the new value drawn uniformly from the other q - 1
    /// (see <see cref="CategoricalScale"/>); None for models whose couplings are neither a dense matrix nor a lattice, or
    /// whose scale is 0.
    /// </summary>
    public Option<double> TemperatureScale() => Model switch
    {
        BoltzmannMachine machine => Scale(machine),
        IsingModel ising => 2.0 * Math.Sqrt(LatticeNeighbours * ising.Coupling * ising.Coupling + ising.Field * ising.Field),
        PottsModel potts => Positive(Math.Sqrt(CategoricalScale(potts.Kind, potts.Levels) * (LatticeNeighbours * potts.Coupling * potts.Coupling + potts.Field * potts.Field))),
        ClockModel clock => Positive(Math.Sqrt(CategoricalScale(clock.Kind, clock.Levels) * (LatticeNeighbours * clock.Coupling * clock.Coupling + clock.Field * clock.Field))),
        _ => Option<double>.None,
    };

    /// <summary>
    /// c_q = E[dE^2] / (z J^2 + h^2) for a move of one unit from u to a uniformly drawn v != u, with u and the z neighbours
    /// uniform and independent: each neighbour's term and the field's term have mean 0 given (u, v) and are uncorrelated, so
    /// their mean squares add. Potts: delta(v, s) - delta(u, s) is +-1 with probability 1/q each, so c_q = 2/q. Clock, q &gt;= 3:
    /// E_s[(cos(t_v - t_s) - cos(t_u - t_s))^2] = 1 - cos(t_v - t_u), whose mean over v != u is 1 + 1/(q - 1), so c_q = q/(q - 1);
    /// q = 2 is the Ising flip, dE term +-2, c_q = 4. For q = 2 both give the Ising scale of the equivalent Ising model
    /// (Potts: J/2, h/2; clock: J, h). Worked number: the Potts 3 x 3 example (q = 3, J = 1, h = 0) gives sqrt(8/3) = 1.633.
    /// </summary>
    public static double CategoricalScale(string kind, int levels) =>
        kind == "potts" ? 2.0 / levels : levels == 2 ? 4.0 : levels / (levels - 1.0);

    private static Option<double> Positive(double scale) => scale > 0 && double.IsFinite(scale) ? scale : Option<double>.None;

    private static Option<double> Scale(BoltzmannMachine machine)
    {
        var n = machine.Dimension;
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            var sum = machine.Biases[i] * machine.Biases[i];
            foreach (var w in machine.Couplings.Row(i)) sum += w * w;
            largest = Math.Max(largest, sum);
        }

        return Positive((machine.States == StateConvention.Spin ? 2.0 : 1.0) * Math.Sqrt(largest));
    }
}
