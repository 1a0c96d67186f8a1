namespace Ebm.Functional.Plots;

/// <summary>The horizontal axis of a thermodynamics plot.</summary>
public enum ThermoAxis
{
    /// <summary>Inverse temperature beta.</summary>
    Beta,

    /// <summary>Temperature T = 1 / beta (points at beta = 0 are left out).</summary>
    Temperature,
}
