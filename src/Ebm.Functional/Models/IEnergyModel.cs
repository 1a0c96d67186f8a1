namespace Ebm.Functional.Models;

/// <summary>
/// A model with an energy E(x) = -log p~(x); at inverse temperature beta, p_beta(x) = exp(-beta E(x)) / Z(beta).
/// </summary>
public interface IEnergyModel
{
    /// <summary>The model kind as written in model files ("ising", "bernoulli-rbm", ...).</summary>
    string Kind { get; }

    /// <summary>Number of variables of one state x.</summary>
    int Dimension { get; }
}
