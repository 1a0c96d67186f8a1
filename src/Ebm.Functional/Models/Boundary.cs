namespace Ebm.Functional.Models;

/// <summary>Boundary condition of a lattice.</summary>
public enum Boundary
{
    /// <summary>The lattice wraps around (a torus).</summary>
    Periodic,

    /// <summary>Sites on the edge have fewer neighbours.</summary>
    Open,
}
