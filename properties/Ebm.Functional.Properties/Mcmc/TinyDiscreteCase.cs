using Ebm.Functional.Models;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>A tiny discrete model (2..6 units) and an inverse temperature for exact kernel checks.</summary>
public sealed record TinyDiscreteCase(IDiscreteModel Model, double Beta, string Description)
{
    /// <inheritdoc />
    public override string ToString() => $"{Description} beta={Beta}";
}
