using System.Globalization;
using System.Text;
using Ebm.Cli.Output;
using Ebm.Functional.Annealing;
using Ebm.Functional.Models;

namespace Ebm.Cli.Annealing;

/// <summary>
/// The text, JSON and state-file reports of an <c>ebm anneal</c> run. Units print as the model holds them: spins as +/-,
/// 0/1 units as digits, the units of a Potts or clock lattice as their levels 0..q-1 (JSON adds "levels", and
/// "groundStates", the number of states at E0, where the enumeration counts them).
/// </summary>
internal static class AnnealReport
{
    /// <summary>States of at most this many units are printed in the text report (longer ones go to --state FILE).</summary>
    public const int MaxStatePrinted = 256;

    /// <summary>The plot's title: problem, kernel, schedule and seed.</summary>
    public static string Title(AnnealOutcome o, ulong seed) =>
        $"{o.Problem.Kind}, {o.Problem.Model.Dimension} units{LevelsText(o.Problem)}: {o.Result.Kernel}, {o.Result.Schedule.Name}, {o.Result.Restarts} restarts, seed {seed}";

    /// <summary>The human-readable report.</summary>
    public static string Text(AnnealOutcome o, AnnealRequest request, double seconds)
    {
        var r = o.Result;
        var text = new StringBuilder();
        text.AppendLine($"anneal: {o.Problem.Kind} ({o.Problem.Source}), {o.Problem.Model.Dimension} units{LevelsText(o.Problem)}, seed {request.Seed}");
        text.AppendLine($"schedule: {r.Schedule.Name} from T0 = {Numbers.Table(o.T0)} to T1 = {Numbers.Table(o.T1)}, {r.SweepsPerRestart} sweeps per restart; " +
                        $"kernel {r.Kernel}{(o.Problem.Model is ICategoricalModel && r.Kernel == SaKernels.CheckerboardName ? " (heat bath)" : "")}; {r.Restarts} restarts");
        text.AppendLine($"best energy: {Numbers.Exact(r.BestEnergy)} (restart {r.BestRestart + 1}, sweep {r.BestSweep})");
        o.Cut.IfSome(cut => text.AppendLine($"max-cut value: {Numbers.Exact(cut)} of total weight {Numbers.Exact(o.Problem.MaxCut.Map(p => p.TotalWeight).IfNone(0))}"));
        o.Objective.IfSome(f => text.AppendLine($"qubo objective x^T Q x: {Numbers.Exact(f)}"));
        text.AppendLine(r.BestState.Length <= MaxStatePrinted
            ? $"best state: {Compact(r.BestState.Span, o.Problem.Model)}"
            : $"best state: {r.BestState.Length} units{(request.State is { } state ? $", written to {state.Path}" : "; write it with --state FILE")}");
        var sorted = r.RestartBestEnergies.ToArray().Order().ToArray();
        text.AppendLine($"restarts' best energies: lowest {Numbers.Table(sorted[0])}, median {Numbers.Table(sorted[sorted.Length / 2])}, highest {Numbers.Table(sorted[^1])}");
        o.Ground.Match(
            Some: g =>
            {
                var s = SaSuccess.Of(r, g.Energy);
                var count = g.Count.Match(c => $" ({c.ToString(CultureInfo.InvariantCulture)} {(c == 1 ? "state" : "states")})", () => "");
                text.AppendLine($"exact ground state (enumeration of {g.States} states): E0 = {Numbers.Exact(g.Energy)}{count}; " +
                                $"reached by {s.Successes} of {s.Restarts} restarts, p = {Numbers.Table(s.Probability)} ± {Numbers.Table(s.ProbabilityError)}; " +
                                $"TTS(99%) = {(double.IsFinite(s.SweepsToSolution) ? Numbers.Table(s.SweepsToSolution) + " sweeps" : "infinite (no restart reached it)")}");
            },
            None: () => text.AppendLine(o.Problem.Model is ICategoricalModel
                ? $"exact ground state: not computed ({AnnealGround.StateSpace(o.Problem)} states, more than 2^24 to enumerate)"
                : $"exact ground state: not computed (more than {GroundState.MaxUnits} units to enumerate)"));
        text.Append($"cost: {o.Cost.Text()}; {seconds.ToString("F2", CultureInfo.InvariantCulture)} s");
        return text.ToString();
    }

    /// <summary>The JSON report.</summary>
    public static string Json(AnnealOutcome o, AnnealRequest request, double seconds) =>
        ResultJson.Object(w =>
        {
            var r = o.Result;
            w.WriteString("version", VersionReport.Version);
            w.WriteNumber("seed", request.Seed);
            w.WriteString("problem", o.Problem.Kind);
            w.WriteString("source", o.Problem.Source);
            w.WriteNumber("dimension", o.Problem.Model.Dimension);
            if (o.Problem.Model is ICategoricalModel) w.WriteNumber("levels", o.Problem.Levels);
            w.WriteString("kernel", r.Kernel);
            w.WriteString("schedule", r.Schedule.Name);
            ResultJson.Number(w, "t0", o.T0);
            ResultJson.Number(w, "t1", o.T1);
            w.WriteNumber("sweeps", r.SweepsPerRestart);
            w.WriteNumber("restarts", r.Restarts);
            ResultJson.Number(w, "bestEnergy", r.BestEnergy);
            w.WriteNumber("bestRestart", r.BestRestart + 1);
            w.WriteNumber("bestSweep", r.BestSweep);
            w.WriteStartArray("bestState");
            foreach (var x in r.BestState.Span) w.WriteNumberValue(x);
            w.WriteEndArray();
            o.Cut.IfSome(cut => ResultJson.Number(w, "cutValue", cut));
            o.Objective.IfSome(f => ResultJson.Number(w, "quboObjective", f));
            w.WriteStartArray("restartBestEnergies");
            foreach (var e in r.RestartBestEnergies.Span) w.WriteNumberValue(e);
            w.WriteEndArray();
            o.Ground.IfSome(g =>
            {
                var s = SaSuccess.Of(r, g.Energy);
                ResultJson.Number(w, "groundEnergy", g.Energy);
                g.Count.IfSome(c => w.WriteNumber("groundStates", c));
                w.WriteNumber("successes", s.Successes);
                ResultJson.Number(w, "successProbability", s.Probability);
                ResultJson.Number(w, "successProbabilityError", s.ProbabilityError);
                ResultJson.Number(w, "sweepsToSolution", s.SweepsToSolution);
            });
            w.WriteNumber("seconds", seconds);
            o.Cost.Json(w, request.Force);
        });

    /// <summary>The --state file: a comment line naming the run, then the best state's units separated by spaces.</summary>
    public static string StateFile(AnnealOutcome o, ulong seed) =>
        $"# ebm anneal: best state of {o.Problem.Kind} ({o.Problem.Source}), E = {Numbers.Exact(o.Result.BestEnergy)}, seed {seed}\n" +
        string.Join(' ', o.Result.BestState.ToArray().Select(x => x.ToString(CultureInfo.InvariantCulture))) + "\n";

    /// <summary>" of q levels 0..q-1" for a categorical model (its units are labels, not spins), nothing for binary units.</summary>
    private static string LevelsText(AnnealProblem problem) =>
        problem.Model is ICategoricalModel ? $" of {problem.Levels} levels 0..{problem.Levels - 1}" : "";

    // Spins as + and -, 0/1 units as digits: one character per unit. A Potts or clock lattice's units are its levels
    // 0..q-1, row by row with rows separated by '/': one digit each when q <= 10, else separated by commas.
    private static string Compact(ReadOnlySpan<double> state, IEnergyModel model)
    {
        var text = new StringBuilder(state.Length);
        switch (model)
        {
            case ICategoricalModel categorical:
                var columns = model switch { PottsModel potts => potts.Columns, ClockModel clock => clock.Columns, _ => state.Length };
                for (var i = 0; i < state.Length; i++)
                {
                    if (i > 0) text.Append(i % columns == 0 ? "/" : categorical.Levels > 10 ? "," : "");
                    text.Append(((int)state[i]).ToString(CultureInfo.InvariantCulture));
                }

                break;
            case IDiscreteModel discrete:
                foreach (var x in state) text.Append(discrete.States == StateConvention.Spin ? (x > 0 ? '+' : '-') : (x > 0 ? '1' : '0'));
                break;
        }

        return text.ToString();
    }
}
