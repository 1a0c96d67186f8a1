using Ebm.Functional.Models;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Exact thermodynamics of a small categorical model by the plainest possible sum: every state in turn, its energy from
/// <see cref="ICategoricalModel.Energy"/>, its magnetisation from Math.Cos and Math.Sin (independent of the library's tables).
/// </summary>
internal sealed record CategoricalBruteForce(double LogZ, double MeanEnergy, double EnergyVariance, double MeanAlong, double MeanSquare, double MeanLength, double MeanFourth)
{
    public static CategoricalBruteForce Of(ICategoricalModel model, double beta)
    {
        var states = States(model).ToArray();
        var logWeights = states.Select(s => -beta * s.Energy).ToArray();
        var shift = logWeights.Max();
        var weights = logWeights.Select(l => Math.Exp(l - shift)).ToArray();
        var total = weights.Sum();
        double Mean(Func<(double Energy, double X, double Y), double> f) => states.Select((s, i) => weights[i] * f(s)).Sum() / total;
        var u = Mean(s => s.Energy);
        return new CategoricalBruteForce(
            shift + Math.Log(total), u, Mean(s => (s.Energy - u) * (s.Energy - u)),
            Mean(s => s.X), Mean(s => s.X * s.X + s.Y * s.Y), Mean(s => Math.Sqrt(s.X * s.X + s.Y * s.Y)),
            Mean(s => Math.Pow(s.X * s.X + s.Y * s.Y, 2)));
    }

    /// <summary>Every state's energy and vector magnetisation (q^N states, odometer order).</summary>
    public static IEnumerable<(double Energy, double X, double Y)> States(ICategoricalModel model)
    {
        var q = model.Levels;
        var state = new double[model.Dimension];
        while (true)
        {
            double x = 0, y = 0;
            foreach (var s in state)
            {
                x += Math.Cos(2 * Math.PI * s / q);
                y += Math.Sin(2 * Math.PI * s / q);
            }

            yield return (model.Energy(state), x, y);
            var site = 0;
            while (site < state.Length && state[site] == q - 1) state[site++] = 0;
            if (site == state.Length) yield break;
            state[site]++;
        }
    }
}
