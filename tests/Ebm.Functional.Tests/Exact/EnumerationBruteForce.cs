using Ebm.Functional.Models;
using Ebm.Functional.Tests.Models;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Exact answers computed the plain way: every state built from its index, its energy from the
/// definition, then a two-pass log-sum-exp and central moments. No Gray code, no running maximum.
/// </summary>
internal sealed record EnumerationBruteForce(double LogZ, double MeanEnergy, double EnergyVariance, double[] MagnetisationMoments)
{
    public static EnumerationBruteForce Of(BoltzmannMachine model, double beta) =>
        Of(model.Dimension, model.States, beta, x => BoltzmannRandom.DefinitionEnergy(model, x));

    public static EnumerationBruteForce Of(int units, StateConvention states, double beta, Func<double[], double> energyOf)
    {
        var count = 1 << units;
        var energies = new double[count];
        var magnetisations = new double[count];
        for (var index = 0; index < count; index++)
        {
            var x = BoltzmannRandom.State(index, units, states);
            energies[index] = energyOf(x);
            magnetisations[index] = x.Sum();
        }

        var maxLogWeight = energies.Max(e => -beta * e);
        var weights = energies.Select(e => Math.Exp(-beta * e - maxLogWeight)).ToArray();
        var total = weights.Sum();
        var logZ = maxLogWeight + Math.Log(total);
        var mean = 0.0;
        for (var i = 0; i < count; i++) mean += weights[i] * energies[i] / total;
        var variance = 0.0;
        for (var i = 0; i < count; i++) variance += weights[i] * (energies[i] - mean) * (energies[i] - mean) / total;
        var moments = new double[4];
        for (var i = 0; i < count; i++)
        {
            var m = magnetisations[i];
            moments[0] += weights[i] * m / total;
            moments[1] += weights[i] * m * m / total;
            moments[2] += weights[i] * Math.Abs(m) / total;
            moments[3] += weights[i] * m * m * m * m / total;
        }

        return new EnumerationBruteForce(logZ, mean, variance, moments);
    }
}
