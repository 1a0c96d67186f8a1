using System.Globalization;
using Ebm.Functional.Diagnostics;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Sampling;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Cli.Output;

namespace Ebm.Cli.Sampling;

/// <summary>
/// The memory an <c>ebm sample</c> run needs, for budget checks before it starts: the scalar traces it keeps, the
/// diagnostics' working copies of one trace, and a few copies of one step's states. Kept states are never held (they
/// stream to --out), so nothing else grows with the number of steps.
/// </summary>
/// <remarks>
/// Measured on Ising 4 x 4, checkerboard, 100 chains x 20,000 steps (one trace 16 MB, two kept: E and m): under a
/// GC heap hard limit (<c>DOTNET_GCHeapHardLimit</c>) the run completes with 168 MB and runs out of memory with 151 MB,
/// so it needs 10.5 traces' worth, the 2 kept and 8.5 more; the estimate gives 2 + 9. The summary of one trace holds
/// at most 4.5 copies of it alive at once (ranks, normal scores, split and folded chains) but allocates about 26 in
/// all, which the garbage collector may leave resident while memory is plentiful, so without a limit the process's
/// resident size can exceed the estimate (1.9 GB for 100 chains x 100,000 steps, estimated 0.88 GB).
/// </remarks>
internal static class SampleMemory
{
    /// <summary>
    /// Copies of one trace (chains x kept steps doubles) the report needs beside the kept traces: the energies, the
    /// quantity being summarised, its working arrays and the collector's slack (8.5 measured), rounded up.
    /// </summary>
    public const int DiagnosticCopies = 9;

    /// <summary>Copies of one step's states alive at once: the sampler's state and proposal (positions, gradients), and the kept step handed to the observables and the CSV.</summary>
    public const int StateCopies = 4;

    /// <summary>Bytes the run of <paramref name="request"/> on <paramref name="model"/> with <paramref name="settings"/> needs (traces, diagnostics and states).</summary>
    public static long Bytes(IEnergyModel model, SampleRequest request, RunSettings settings)
    {
        var traces = ChainTraces.Bytes(request.Chains, settings.Kept, Observables.For(model).Count);
        var diagnostics = DiagnosticCopies * ChainTraces.Bytes(request.Chains, settings.Kept, 0);
        var replicas = request.Sampler == "pt" ? request.Rungs : 1;
        var states = StateCopies * 8L * request.Chains * replicas * model.Dimension;
        return traces + diagnostics + states;
    }

    /// <summary>
    /// The hard limit: the traces must fit one array (<see cref="ChainTraces.Fit"/>); beyond it no memory budget
    /// helps. The error names the memory the run would need.
    /// </summary>
    public static Fin<Unit> CheckTracesFit(IEnergyModel model, SampleRequest request, RunSettings settings)
    {
        var observables = Observables.For(model).Count;
        return ChainTraces.Fit(request.Chains, settings.Kept, observables)
            ? FinSucc(unit)
            : FinFail<Unit>(CliErrors.InvalidOption("--steps", string.Create(CultureInfo.InvariantCulture,
                $"{request.Chains} chains x {settings.Kept} kept steps x {1 + observables} traces exceed the {System.Array.MaxLength} values one run can keep (the run would need {Bytes(model, request, settings) / 1e9:F1} GB); use fewer chains, fewer steps or --thin")));
    }
}
