using System.Diagnostics;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Cli.Thermo;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Models;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Thermo;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Commands;

/// <summary>Runs <c>ebm dos</c>: read the options and the model, compute g(E), its thermodynamics, write the files, print.</summary>
internal static class DosRun
{
    /// <summary>Most states counted, log2, for the exact overlay of a sampled density (2^24 states: about a second).</summary>
    private const double OverlayBits = 24;

    /// <summary>The core's setting names and the options that set them, so that a bad value names the option.</summary>
    private static readonly (string Setting, string Option)[] SettingOptions =
        [("flatness", "--flatness"), ("final ln f", "--final-log-f"), ("walkers", "--walkers"), ("check every", "--check-every"), ("max sweeps", "--max-sweeps")];

    public static int Run(CliContext context, IExecutor executor, DosRequest request)
    {
        var clock = Stopwatch.StartNew();
        var outcome =
            from betas in BetaRange.Parse(request.Betas)
            from settings in Settings(request)
            from model in ModelFile.Load(request.Model)
            from density in Density(context, executor, request, model, settings)
            from rows in density.Thermodynamics(betas)
            select new DosReport(model, density, Overlay(request, model), rows, request.Method == WangLandau.MethodName ? Some(request.Seed) : None,
                request, clock.Elapsed.TotalSeconds);

        return outcome.Bind(report => WriteFiles(context, request, report)).Match(
            Succ: report =>
            {
                if (request.Json) context.Out.WriteLine(report.Json());
                else report.Tables(context);
                return ExitCodes.Success;
            },
            Fail: e => ErrorReport.Write(context, e));
    }

    private static Fin<DensityOfStates> Density(CliContext context, IExecutor executor, DosRequest request, IEnergyModel model, WangLandauSettings settings) =>
        request.Method == DensityOfStates.ExactMethodName
            ? DensityOfStates.Exact(model)
            : ProgressDisplay.Run(context, "dos", p => WalkerWork.Run(executor, RngKey.FromSeed(request.Seed), model, settings, p));

    /// <summary>The exact density beside a sampled one, where counting it is quick.</summary>
    private static Option<DensityOfStates> Overlay(DosRequest request, IEnergyModel model) =>
        request.Method == WangLandau.MethodName && StateBits(model) <= OverlayBits
            ? DensityOfStates.Exact(model).ToOption()
            : None;

    /// <summary>log2 of the number of states of a model whose density can be counted; infinity for any other.</summary>
    private static double StateBits(IEnergyModel model) => model switch
    {
        ICategoricalModel categorical => categorical.Dimension * Math.Log2(categorical.Levels),
        IDiscreteModel discrete => discrete.Dimension,
        _ => double.PositiveInfinity,
    };

    private static Fin<WangLandauSettings> Settings(DosRequest request)
    {
        var settings =
            from grid in Grid(request.EnergyGrid)
            select new WangLandauSettings
            {
                Flatness = request.Flatness,
                FinalLogF = request.FinalLogF,
                Walkers = request.Walkers,
                CheckEverySweeps = request.CheckEvery,
                MaxSweeps = request.MaxSweeps,
                Grid = grid,
            };
        return settings.Bind(s => s.Validate().Match(FinSucc, errors => FinFail<WangLandauSettings>(Error.Many(errors.Map(Named)))));
    }

    private static Error Named(Error error)
    {
        foreach (var (setting, option) in SettingOptions)
        {
            if (error.Message.StartsWith(setting + ": ", StringComparison.Ordinal))
                return CliErrors.InvalidOption(option, error.Message[(setting.Length + 2)..]);
        }

        return error;
    }

    private static Fin<Option<EnergyGrid>> Grid(string? text)
    {
        if (text is null) return FinSucc(Option<EnergyGrid>.None);
        var parts = text.Split(':');
        if (parts.Length != 3) return Fail($"expected MIN:SPACING:COUNT (for example -12:1:25), got \"{text}\"");
        if (!NumberSyntax.TryReal(parts[0], out var minimum, out var problem)) return Fail($"MIN {problem}");
        if (!NumberSyntax.TryReal(parts[1], out var spacing, out problem)) return Fail($"SPACING {problem}");
        if (!NumberSyntax.TryWhole<int>(parts[2], out var count, out problem)) return Fail($"COUNT {problem}");
        return EnergyGrid.Create(minimum, spacing, count).Match(
            Succ: grid => FinSucc(Some(grid)),
            Fail: errors => FinFail<Option<EnergyGrid>>(CliErrors.InvalidOption("--energy-grid", string.Join("; ", errors.Map(e => e.Message)))));

        static Fin<Option<EnergyGrid>> Fail(string problem) => FinFail<Option<EnergyGrid>>(CliErrors.InvalidOption("--energy-grid", problem));
    }

    private static Fin<DosReport> WriteFiles(CliContext context, DosRequest request, DosReport report) =>
        CommandFiles.WriteAll(context,
            (request.Csv, o => o.WriteAllText(report.Csv())),
            (request.Plot, o => o.WriteAllBytes(DensityOfStatesPlot.RenderPng(report.Density, report.Exact,
                $"{report.Model.Kind} {report.Model.Dimension} units ({report.Density.Method})"))))
        .Map(_ => report);
}
