namespace Ebm.Functional.Exact;

/// <summary>Which exact method <see cref="LogPartition.Exact"/> uses.</summary>
public enum ExactMethod
{
    /// <summary>The fastest method that applies to the model, then the next one where it refuses for a numerical reason (<see cref="LogPartition.AutoOrder"/>).</summary>
    Auto,

    /// <summary>Gray-code enumeration of all 2^n states of a discrete model (n &lt;= 30).</summary>
    Enumeration,

    /// <summary>RBM: one layer summed analytically, the smaller one enumerated.</summary>
    LayerSum,

    /// <summary>Kaufman's (1949) closed form for the periodic Ising torus at zero field.</summary>
    Kaufman,

    /// <summary>Row-to-row transfer matrix for an Ising lattice with a short side.</summary>
    TransferMatrix,

    /// <summary>Closed form (Gaussian energies).</summary>
    ClosedForm,

    /// <summary>2-D numerical quadrature (the toy energies, and any 2-D energy given a <see cref="QuadratureRegion"/>).</summary>
    Quadrature,
}
