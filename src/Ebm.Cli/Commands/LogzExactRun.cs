using System.Diagnostics;
using Ebm.Cli.Estimation;
using Ebm.Cli.Output;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm logz --method exact</c>: log Z of one model file, or with <c>--versus B.json</c> log(Z_A / Z_B), each result
/// checked finite (<see cref="ExactOutput"/>) before it is printed as text or JSON.
/// </summary>
internal static class LogzExactRun
{
    /// <summary>log(Z_A / Z_B) of two model files (--versus B.json), each log Z exact and checked, and the ratio finite.</summary>
    public static int Ratio(CliContext context, string path, string other, double beta, bool json)
    {
        var outcome =
            from a in ModelFile.Load(path)
            from b in ModelFile.Load(other)
            from _ in VersusCheck.SameStateSpace(a, b)
            from ra in ExactOutput.Checked(path, a, LogPartition.Exact(a, beta))
            from rb in ExactOutput.Checked(other, b, LogPartition.Exact(b, beta))
            from ratio in ExactOutput.Check($"{path} versus {other}", "log(Z_A / Z_B)", beta, ra.LogZ - rb.LogZ)
            select (a, b, ra, rb, ratio);
        return outcome.Match(
            Succ: r =>
            {
                context.Out.WriteLine(json
                    ? ResultJson.Object(w =>
                    {
                        w.WriteString("version", VersionReport.Version);
                        w.WriteString("method", "exact");
                        w.WriteString("quantity", "log(Z_A / Z_B)");
                        ResultJson.Number(w, "beta", beta);
                        ResultJson.Number(w, "logZ", r.ratio);
                        w.WriteNumber("standardError", 0);
                        ResultJson.Number(w, "logZA", r.ra.LogZ);
                        ResultJson.Number(w, "logZB", r.rb.LogZ);
                        w.WriteStartArray("warnings");
                        w.WriteEndArray();
                    })
                    : string.Join(Environment.NewLine, [
                        $"model A        {r.a.Kind}, {r.a.Dimension} variables: log Z_A = {Numbers.Exact(r.ra.LogZ)} ({r.ra.Method})",
                        $"model B        {r.b.Kind}, {r.b.Dimension} variables: log Z_B = {Numbers.Exact(r.rb.LogZ)} ({r.rb.Method})",
                        $"beta           {Numbers.Exact(beta)}",
                        $"log Z_A/Z_B    {Numbers.Exact(r.ratio)}"]));
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    /// <summary>log Z with U, F, S, C (and the magnetisation where known) by <paramref name="exactMethod"/>, checked before it is printed.</summary>
    public static int Run(CliContext context, string path, string method, ExactMethod exactMethod, double beta, bool json)
    {
        var clock = Stopwatch.StartNew();
        var outcome = ModelFile.Load(path).Bind(model =>
            ExactOutput.Checked(path, model, ProgressDisplay.Run(context, "log Z", progress => LogPartition.Exact(model, beta, exactMethod, progress)))
                .Map(result => (model, result)));
        var seconds = clock.Elapsed.TotalSeconds;
        return outcome.Match(
            Succ: r =>
            {
                context.Out.WriteLine(json ? Json(r.model, method, r.result, seconds) : Text(r.model, method, r.result, seconds));
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    private static string Json(IEnergyModel model, string method, ExactResult result, double seconds) =>
        ResultJson.Object(w =>
        {
            w.WriteString("version", VersionReport.Version);
            w.WriteString("model", model.Kind);
            w.WriteNumber("dimension", model.Dimension);
            w.WriteString("method", method);
            ResultJson.Result(w, result);
            w.WriteNumber("standardError", 0);
            w.WriteStartArray("warnings");
            w.WriteEndArray();
            w.WriteNumber("seconds", seconds);
        });

    private static string Text(IEnergyModel model, string method, ExactResult r, double seconds)
    {
        var magnetisation = r.Magnetisation.Match(
            m => new[] { $"<M>, <M^2>     {Numbers.Exact(m.Mean)}, {Numbers.Exact(m.MeanSquare)}" },
            () => []);
        return string.Join(Environment.NewLine, [
            $"model          {model.Kind}, {model.Dimension} variables",
            $"method         {method} ({r.Method})",
            $"beta           {Numbers.Exact(r.Beta)}",
            $"log Z          {Numbers.Exact(r.LogZ)}",
            $"U = <E>        {Numbers.Exact(r.MeanEnergy)}",
            $"F = -log Z/b   {Numbers.Exact(r.FreeEnergy)}",
            $"S = b (U - F)  {Numbers.Exact(r.Entropy)}",
            $"C = b^2 Var E  {Numbers.Exact(r.HeatCapacity)}",
            ..magnetisation,
            $"time           {seconds:F3} s"]);
    }
}
