namespace Ebm.Cli.Thermo;

/// <summary>The methods of <c>ebm thermo --method</c>.</summary>
internal static class ThermoMethods
{
    public const string Exact = "exact";
    public const string Tempering = "pt";
    public const string Reweighting = "reweighting";
    public const string WangLandau = "wang-landau";
    public const string Ais = "ais";

    public static readonly string[] All = [Exact, Tempering, Reweighting, WangLandau, Ais];

    /// <summary>The methods that run on a cluster with --cluster: parallel tempering's rungs (pt and reweighting), Wang-Landau's walkers, AIS's particle blocks.</summary>
    public static readonly string[] OnCluster = [Tempering, Reweighting, WangLandau, Ais];

    public const string Description =
        "How to compute the thermodynamics. exact: an exact method (enumeration, Kaufman, transfer matrix, closed form, quadrature), " +
        "errors 0; pt: parallel tempering with a rung at every beta (and rungs down to beta = 0), batch-means error bars, log Z by " +
        "integration from beta = 0; reweighting: the same run combined by multiple-histogram reweighting (MBAR), jackknife error bars; " +
        "wang-landau: the density of states g(E) by Wang-Landau sampling, error bars from independent walkers; ais: annealed importance " +
        "sampling from beta = 0 along the betas. The sampling methods apply to Ising, q-state Potts and clock lattices and other discrete models.";
}
