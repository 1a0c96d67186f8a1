using Ebm.Functional.Exact;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Plots;

namespace Ebm.Cli.Commands;

/// <summary>The options of one <c>ebm thermo</c> run, as parsed, with its output files already checked (null: not requested).</summary>
internal sealed record ThermoRequest(
    string Model, string Betas, string Method, ExactMethod ExactMethod, bool Json, OutputFile? Csv, OutputFile? Plot, ThermoAxis Axis, bool Force = false);
