namespace Ebm.Functional.Diagnostics;

/// <summary>The chain summary of one named scalar: the energy "E", a coordinate "x3", the magnetisation "m".</summary>
/// <param name="Name">The scalar's name in reports (<see cref="Observable.Name"/>, or <see cref="ConvergenceReport.EnergyName"/>).</param>
/// <param name="Summary">Its diagnostics over all chains and kept steps.</param>
public sealed record ScalarSummary(string Name, ChainSummary Summary);
