using Ebm.Functional.Models;

namespace Ebm.Functional.Properties.Mcmc.Tempering;

/// <summary>A model of 2 or 3 units and a strictly increasing ladder of 2 or 3 betas in [0, 2.5].</summary>
public sealed record TemperingCase(IDiscreteModel Model, double[] Betas, string Description)
{
    /// <inheritdoc />
    public override string ToString() => $"{Description} betas=[{string.Join(", ", Betas)}]";
}
