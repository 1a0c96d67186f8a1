namespace Ebm.Functional.Annealing;

/// <summary>The distribution of the bonds J_ij of an Edwards-Anderson spin glass.</summary>
public enum SpinGlassBonds
{
    /// <summary>J_ij = +1 or -1 with probability 1/2 each.</summary>
    PlusMinusOne,

    /// <summary>J_ij ~ N(0, 1).</summary>
    Gaussian,
}
