using Ebm.Functional.Exact;
using Ebm.Functional.Shell.Plots;

namespace Ebm.Cli.Commands;

/// <summary>The options of one <c>ebm thermo</c> run, as parsed.</summary>
internal sealed record ThermoRequest(
    string Model, string Betas, string Method, ExactMethod ExactMethod, bool Json, string? Csv, string? Plot, ThermoAxis Axis, bool Force = false);
