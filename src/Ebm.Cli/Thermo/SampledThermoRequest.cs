using Ebm.Functional.Models;
using Ebm.Functional.Plots;
using Ebm.Functional.Shell.Io;

namespace Ebm.Cli.Thermo;

/// <summary>A sampled <c>ebm thermo</c> run with its model loaded, betas parsed and output files checked (null: not requested).</summary>
internal sealed record SampledThermoRequest(
    string ModelPath, IEnergyModel Model, double[] Betas, SampledThermoPlan Plan, bool Json, OutputFile? Csv, OutputFile? Plot, ThermoAxis Axis, bool Force);
