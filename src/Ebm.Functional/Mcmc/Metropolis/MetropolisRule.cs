using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>The Metropolis single-flip rule: flip with probability min(1, exp(-beta dE)).</summary>
internal readonly struct MetropolisRule(IDiscreteModel model, double beta) : ISiteRule
{
    /// <inheritdoc />
    public double FlipProbability(ReadOnlySpan<double> state, int site, out double energyChange)
    {
        energyChange = model.FlipEnergyChange(state, site);
        var exponent = beta * energyChange;
        if (double.IsNaN(exponent)) return double.NaN;
        return exponent <= 0.0 ? 1.0 : Math.Exp(-exponent);
    }
}
