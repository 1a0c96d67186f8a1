namespace Ebm.Functional.Diagnostics;

/// <summary>The worst value of one diagnostic over the scalars of a <see cref="ConvergenceReport"/>, with the scalar that has it.</summary>
/// <param name="Name">The scalar ("E", "x0", "m", ...).</param>
/// <param name="Measure">"R-hat", "bulk ESS" or "tail ESS".</param>
/// <param name="Value">Its value: the largest R-hat, or the smallest ESS.</param>
public sealed record ExtremeDiagnostic(string Name, string Measure, double Value);
