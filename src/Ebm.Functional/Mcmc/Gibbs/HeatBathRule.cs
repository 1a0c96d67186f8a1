using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Gibbs;

/// <summary>
/// The heat-bath rule from the local field: unit i goes high with p = sigmoid(beta f_i) ({0,1}) or
/// sigmoid(2 beta f_i) (spins), i.e. it flips with sigmoid(-beta dE) where dE = -f_i (new - old).
/// </summary>
internal readonly struct HeatBathRule(IDiscreteModel model, double beta) : ISiteRule
{
    private readonly double _low = SingleSiteScan.Low(model.States);

    /// <inheritdoc />
    public double FlipProbability(ReadOnlySpan<double> state, int site, out double energyChange)
    {
        var field = model.LocalField(state, site);
        var current = state[site];
        var target = current == 1.0 ? _low : 1.0;
        energyChange = -field * (target - current);
        var exponent = beta * energyChange;
        return double.IsNaN(exponent) ? double.NaN : LogSpace.Sigmoid(-exponent);
    }
}
