namespace Ebm.Functional.Training;

/// <summary>The distribution of the random projections v of sliced score matching; both have E[v v^T] = I.</summary>
public enum SliceDistribution
{
    /// <summary>Each coordinate independently -1 or +1 with probability 1/2 (the lower-variance choice, Hutchinson 1989).</summary>
    Rademacher,

    /// <summary>Each coordinate an independent standard normal.</summary>
    Gaussian,
}
