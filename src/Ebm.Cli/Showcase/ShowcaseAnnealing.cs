using System.Globalization;
using Ebm.Cli.Output;
using Ebm.Functional.Annealing;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using Spectre.Console;

namespace Ebm.Cli.Showcase;

/// <summary>
/// The showcase's annealing run: a 16-spin Sherrington-Kirkpatrick instance drawn from the showcase seed, its exact
/// ground state by enumerating the 65,536 states, and 32 restarts of 300 geometric sweeps (T = 3 to 0.05) scored against
/// it: the success probability and the time to solution. The same run as <c>ebm anneal --sk 16 --instance-seed SEED
/// --seed SEED --t0 3 --t1 0.05 --sweeps 300 --restarts 32</c>.
/// </summary>
internal static class ShowcaseAnnealing
{
    public const int Spins = 16, Sweeps = 300, Restarts = 32;

    public const double Hot = 3.0, Cold = 0.05;

    /// <summary>The exact ground state and the run, or the error that stopped them.</summary>
    public static Fin<(GroundState Ground, SaResult Result)> Run(ulong seed) =>
        from model in Outcomes.ToFin(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(seed), Spins))
        from schedule in Outcomes.ToFin(CoolingSchedule.Geometric(Hot, Cold, Sweeps))
        from ground in GroundState.Enumerate(model)
        from result in Outcomes.ToFin(SimulatedAnnealing.Run(RngKey.FromSeed(seed), model, SaKernels.MetropolisWithFields(model), schedule, new SaSettings(Restarts)))
        select (ground, result);

    /// <summary>The table of the run.</summary>
    public static Table Table(Fin<(GroundState Ground, SaResult Result)> run, ulong seed, List<string> notes)
    {
        var table = new Table()
            .Title(Markup.Escape(
                $"Simulated annealing: SK spin glass of {Spins} spins (J_ij ~ N(0, 1/{Spins})), geometric T {Hot} → {Cold} over {Sweeps} sweeps, {Restarts} restarts, seed {seed}"))
            .AddColumns("exact ground energy (2^16 states)", "best found", "restarts reaching it", "success probability", "TTS(99%), sweeps");
        foreach (var column in table.Columns) column.RightAligned();
        run.Match(
            Succ: r =>
            {
                var success = SaSuccess.Of(r.Result, r.Ground.Energy);
                table.AddRow(
                    Numbers.Table(r.Ground.Energy),
                    Numbers.Table(r.Result.BestEnergy),
                    $"{success.Successes.ToString(CultureInfo.InvariantCulture)} of {Restarts.ToString(CultureInfo.InvariantCulture)}",
                    $"{Numbers.Table(success.Probability)} ± {Numbers.Table(success.ProbabilityError)}",
                    Numbers.Table(success.SweepsToSolution));
            },
            Fail: e => notes.Add($"annealing: {e.Message}"));
        return table;
    }

    /// <summary>The energy trace of the run: every restart's energy against the sweep, and the exact ground state.</summary>
    public static byte[] Png(GroundState ground, SaResult result, ulong seed) =>
        AnnealPlot.RenderPng(result.TraceSweeps, result.Trace, ground.Energy,
            $"Simulated annealing: SK spin glass of {Spins} spins, geometric T {Hot} → {Cold}, {Restarts} restarts, seed {seed}");
}
