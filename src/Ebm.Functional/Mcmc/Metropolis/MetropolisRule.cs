using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>The Metropolis single-flip rule: flip with probability <see cref="MetropolisAcceptance"/> a(beta dE).</summary>
internal readonly struct MetropolisRule(IDiscreteModel model, double beta) : ISiteRule
{
    /// <inheritdoc />
    public double FlipProbability(ReadOnlySpan<double> state, int site, out double energyChange)
    {
        energyChange = model.FlipEnergyChange(state, site);
        return MetropolisAcceptance.Probability(beta * energyChange);
    }
}
