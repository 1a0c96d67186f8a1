using Ebm.Functional.Shell.Io;

namespace Ebm.Cli.Annealing;

/// <summary>The options of one <c>ebm anneal</c> run, as parsed, with its output files already checked (null: not requested).</summary>
/// <param name="Model">MODEL.json, or null.</param>
/// <param name="MaxCut">--maxcut FILE, or null.</param>
/// <param name="Qubo">--qubo FILE, or null.</param>
/// <param name="SkSpins">--sk N (0: not given).</param>
/// <param name="EaSide">--ea L (0: not given).</param>
/// <param name="Bonds">--bonds of an EA instance: plus-minus or gaussian.</param>
/// <param name="InstanceSeed">--instance-seed of a generated instance.</param>
/// <param name="Schedule">--schedule, one of the cooling shapes.</param>
/// <param name="T0">--t0, or null for the model's default.</param>
/// <param name="T1">--t1, or null for the model's default.</param>
/// <param name="Sweeps">--sweeps per cycle.</param>
/// <param name="Cycles">--cycles: the schedule repeated with reheating.</param>
/// <param name="Restarts">--restarts.</param>
/// <param name="Kernel">--kernel: auto, metropolis, gibbs or checkerboard.</param>
/// <param name="Seed">--seed of the run.</param>
/// <param name="Json">--json.</param>
/// <param name="Plot">--plot FILE.png.</param>
/// <param name="State">--state FILE.</param>
/// <param name="Force">--force.</param>
internal sealed record AnnealRequest(
    string? Model,
    string? MaxCut,
    string? Qubo,
    int SkSpins,
    int EaSide,
    string Bonds,
    ulong InstanceSeed,
    string Schedule,
    double? T0,
    double? T1,
    int Sweeps,
    int Cycles,
    int Restarts,
    string Kernel,
    ulong Seed,
    bool Json,
    OutputFile? Plot,
    OutputFile? State,
    bool Force);
