using Ebm.Functional.Exact;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Plots;

namespace Ebm.Cli.Commands;

/// <summary>The options of one <c>ebm thermo</c> run, as parsed, with its output files already checked (null: not requested).</summary>
/// <param name="Model">The model file.</param>
/// <param name="Betas">--beta FROM:TO:STEP, or null when --temperature is given.</param>
/// <param name="Method">exact, pt, reweighting, wang-landau or ais.</param>
/// <param name="ExactMethod">--exact-method.</param>
/// <param name="Json">--json.</param>
/// <param name="Csv">--csv.</param>
/// <param name="Plot">--plot.</param>
/// <param name="Axis">--plot-axis.</param>
/// <param name="Force">--force.</param>
/// <param name="Temperatures">--temperature FROM:TO:STEP, or null.</param>
/// <param name="Seed">--seed.</param>
/// <param name="Replicas">--replicas, or null for the method's default.</param>
/// <param name="Steps">--steps, or null for the method's default.</param>
/// <param name="BurnIn">--burn-in.</param>
internal sealed record ThermoRequest(
    string Model, string? Betas, string Method, ExactMethod ExactMethod, bool Json, OutputFile? Csv, OutputFile? Plot, ThermoAxis Axis, bool Force = false,
    string? Temperatures = null, ulong Seed = 42, int? Replicas = null, int? Steps = null, int BurnIn = 500);
