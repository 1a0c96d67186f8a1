using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// The state of C chains over a discrete model, as one batch: row c of <see cref="States"/> is chain c's
/// state (units as doubles, {0,1} or {-1,+1}), <see cref="Energies"/>[c] its cached energy E (not beta E).
/// </summary>
/// <param name="States">C x d states, row-major.</param>
/// <param name="Energies">E of each row, kept in step with <see cref="States"/> by every kernel.</param>
public sealed record DiscreteChains(Mat States, Vec Energies)
{
    /// <summary>Number of chains C.</summary>
    public int Chains => States.Rows;

    /// <summary>Units per state d.</summary>
    public int Dimension => States.Columns;
}
