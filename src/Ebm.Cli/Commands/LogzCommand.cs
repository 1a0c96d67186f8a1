using System.CommandLine;
using System.Diagnostics;
using Ebm.Cli.Output;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Commands;

/// <summary><c>ebm logz MODEL.json [--method exact] [--exact-method M] [--beta B] [--json]</c>.</summary>
internal static class LogzCommand
{
    public static Command Create(CliContext context)
    {
        var model = CommonOptions.Model();
        var method = CommonOptions.Method();
        var exactMethod = CommonOptions.ExactMethod();
        var beta = new Option<double>("--beta", "-b")
        {
            Description = "Inverse temperature beta >= 0 (a Gaussian needs beta > 0): p(x) is proportional to exp(-beta E(x)).",
            DefaultValueFactory = _ => 1.0,
            HelpName = "B",
        };
        var json = CommonOptions.Json("the result (method, beta, logZ, meanEnergy, freeEnergy, entropy, heatCapacity, seconds, version)");

        var command = new Command("logz", "Compute log Z(beta) of a model file, with U, F, S and C at that beta, and say which method gave it.")
        {
            model, method, exactMethod, beta, json,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetRequiredValue(model),
            parse.GetRequiredValue(method),
            CommonOptions.ToExactMethod(parse.GetRequiredValue(exactMethod)),
            parse.GetValue(beta),
            parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string path, string method, ExactMethod exactMethod, double beta, bool json)
    {
        var clock = Stopwatch.StartNew();
        var outcome = ModelFile.Load(path).Bind(model =>
            ProgressDisplay.Run(context, "log Z", progress => LogPartition.Exact(model, beta, exactMethod, progress))
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
