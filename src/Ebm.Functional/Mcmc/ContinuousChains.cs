using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// The state of C chains over a continuous model, as one batch: row c of <see cref="Positions"/> is chain
/// c's point, <see cref="Energies"/>[c] its cached energy E and row c of <see cref="Gradients"/> its dE/dx
/// (gradient-based kernels reuse it instead of recomputing).
/// </summary>
/// <param name="Positions">C x d points, row-major.</param>
/// <param name="Energies">E of each row.</param>
/// <param name="Gradients">dE/dx of each row (C x d).</param>
public sealed record ContinuousChains(Mat Positions, Vec Energies, Mat Gradients)
{
    /// <summary>Number of chains C.</summary>
    public int Chains => Positions.Rows;

    /// <summary>Dimension d.</summary>
    public int Dimension => Positions.Columns;
}
