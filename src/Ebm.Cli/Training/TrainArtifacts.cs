using System.Globalization;
using Ebm.Cli.Output;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Plots;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The files a finished run leaves beside its checkpoint and metrics: the model (<c>model.json</c>, <c>model.npz</c>),
/// the learning curve, for square-image data a grid of the model's samples and of the RBM's filters, and for 2-D neural
/// models the density on its box beside the data and a scatter of samples over the data.
/// </summary>
internal static class TrainArtifacts
{
    /// <summary>Samples drawn for the sample grid.</summary>
    public const int GridSamples = 100;

    /// <summary>Writes the final files, adding each name to <paramref name="written"/>; stops at the first failure.</summary>
    public static Fin<Unit> Write<TModel>(TrainFamily<TModel> family, TrainSettings settings, TrainingData data, TrainOutcome<TModel> outcome,
        RunOutputs outputs, List<string> written)
        where TModel : IEnergyModel
    {
        var model = outcome.State.Model;
        var title = $"{family.Name}, {settings.Objective}, seed {settings.Seed}";
        Fin<Unit> Save(string file, Func<Fin<byte[]>> render) =>
            render().Bind(bytes => outputs.Find(file)!.WriteAllBytes(bytes)).Map(_ =>
            {
                written.Add(file);
                return unit;
            });
        var evaluations = outcome.History.Map(r => ((double)r.Epoch, r.Metrics)).ToList();
        var images = data.ImageSide.IsSome
            ? from samples in Save(TrainFolder.Samples, () => family.Samples(TrainRunKeys.Samples(settings.Seed), model, GridSamples)
                  .Bind(s => ImageGridPlot.SamplesPng(s, $"samples of the {title}")))
              from filters in family.Filters(model).Match(
                  w => Save(TrainFolder.Filters, () => ImageGridPlot.FiltersPng(w, $"filters of the {title}")),
                  () => FinSucc(unit))
              select unit
            : FinSucc(unit);
        var planar = Planar(model, data) is { } energy
            ? from density in Save(TrainFolder.Density, () => DensityPlot.RenderPng(energy.Energies, energy.Box, data.Train, $"density of the {title}"))
              from samples in Save(TrainFolder.Samples, () => family.Samples(TrainRunKeys.Samples(settings.Seed), model, ScatterSamples)
                  .Bind(s => ScatterPlot.RenderPng(s, data.Train, $"samples of the {title}", energy.Box)))
              select unit
            : FinSucc(unit);
        return
            from json in Save(TrainFolder.ModelJson, () => FinSucc(System.Text.Encoding.UTF8.GetBytes(ModelFile.Serialize(model))))
            from npz in Save(TrainFolder.ModelNpz, () => ModelNpz.Serialize(model))
            from curve in Save(TrainFolder.LearningCurve, () => FinSucc(LearningCurvePlot.RenderPng(evaluations, title, Best(data.Train, family.DataStates.IsSome) ?? Source(data))))
            from grids in images
            from pictures in planar
            select unit;
    }

    /// <summary>Samples drawn for the scatter of a 2-D model.</summary>
    public const int ScatterSamples = 2000;

    /// <summary>
    /// The energies of a 2-D neural model and the part of the plane its pictures show: the data's extent widened by
    /// <see cref="PlotBox.DefaultMargin"/>, clipped to the box its density lives on (<see cref="BoxQuadrature.Box"/>); null
    /// when there is no planar picture.
    /// </summary>
    private static (Func<Mat, Vec> Energies, PlotBox Box)? Planar(IEnergyModel model, TrainingData data)
    {
        var (energies, scaling) = model switch
        {
            MlpEnergy e => ((Func<Mat, Vec>)e.Energies, e.Scaling),
            MlpClassifier c => (c.Energies, c.Scaling),
            _ => ((Func<Mat, Vec>?)null, (InputScaling?)null),
        };
        if (energies is null || scaling is null || scaling.Dimension != 2 || data.Train.Columns is not (2 or 3)) return null;
        var box = BoxQuadrature.Box(scaling);
        var found = PlotBox.Around(PlotBox.DefaultMargin, data.Train);
        if (found.IsFail) return null;
        var around = (PlotBox)found;
        return (energies, new PlotBox(Math.Max(box.XMin, around.XMin), Math.Min(box.XMax, around.XMax), Math.Max(box.YMin, around.YMin), Math.Min(box.YMax, around.YMax)));
    }

    /// <summary>The average log density of the data's own source (a built-in toy whose density is closed form), or null.</summary>
    public static (double Value, string Label)? Source(TrainingData data)
    {
        if (data.SourceLogLikelihood.IsNone) return null;
        var value = data.SourceLogLikelihood.IfNone(double.NaN);
        return (value, $"the data's own density {Numbers.Table(value)} ({(data.Test.IsSome ? "test" : "training")} examples)");
    }

    /// <summary>
    /// The largest average log-likelihood any model can give discrete data: sum_x q(x) log q(x) over the data's own
    /// frequencies q (the negative entropy of the data; -log N on N distinct examples). None for real-valued data.
    /// </summary>
    public static (double Value, string Label)? Best(Mat data, bool discrete)
    {
        if (!discrete || data.Rows == 0) return null;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < data.Rows; r++)
        {
            var key = string.Join(',', data.Row(r).ToArray().Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var best = counts.Values.Sum(c => (double)c / data.Rows * Math.Log((double)c / data.Rows));
        return (best, $"best possible (data's negative entropy) {Numbers.Table(best)}");
    }
}
