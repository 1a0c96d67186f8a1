using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Cli.Annealing;

/// <summary>
/// The problem of one <c>ebm anneal</c> run: the model whose energy is minimised, where it came from, and the Max-Cut or
/// QUBO problem it encodes (whose own objective is reported beside the energy).
/// </summary>
/// <param name="Kind">The problem's kind in reports: a model kind, "max-cut", "qubo", "sherrington-kirkpatrick" or "edwards-anderson".</param>
/// <param name="Source">The file it was read from, or how it was generated.</param>
/// <param name="Model">The model.</param>
/// <param name="MaxCut">The Max-Cut problem, when the model is one.</param>
/// <param name="Qubo">The QUBO problem, when the model is one.</param>
internal sealed record AnnealProblem(string Kind, string Source, IDiscreteModel Model, Option<MaxCutProblem> MaxCut, Option<QuboProblem> Qubo)
{
    /// <summary>
    /// The default temperature scale: the largest 2 sqrt(sum_j W_ij^2 + b_i^2) over units for spins (the root-mean-square
    /// size of a flip's energy change from a random neighbourhood), without the 2 for 0/1 units; None for models whose
    /// couplings are not a dense matrix or a lattice.
    /// </summary>
    public Option<double> TemperatureScale() => Model switch
    {
        BoltzmannMachine machine => Scale(machine),
        IsingModel ising => 2.0 * Math.Sqrt(4 * ising.Coupling * ising.Coupling + ising.Field * ising.Field),
        _ => Option<double>.None,
    };

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

        var scale = (machine.States == StateConvention.Spin ? 2.0 : 1.0) * Math.Sqrt(largest);
        return scale > 0 && double.IsFinite(scale) ? scale : Option<double>.None;
    }
}
