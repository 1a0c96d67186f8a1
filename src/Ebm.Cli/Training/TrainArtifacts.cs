using Ebm.Cli.Output;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>The files a finished run leaves beside its checkpoint: the model and the figures.</summary>
internal static class TrainArtifacts
{
    /// <summary>Writes the final files, adding each name to <paramref name="written"/>; stops at the first failure.</summary>
    public static Fin<Unit> Write<TModel>(CliContext context, TrainFamily<TModel> family, TrainSettings settings, TrainingData data, TrainOutcome<TModel> outcome,
        RunOutputs outputs, List<string> written)
        where TModel : IEnergyModel
    {
        var model = outcome.State.Model;
        Fin<Unit> Save(string file, Func<OutputFile, Fin<Unit>> write) =>
            write(outputs.Find(file)!).Map(_ =>
            {
                written.Add(file);
                return unit;
            });
        return Save(TrainFolder.ModelJson, o => o.WriteAllText(ModelFile.Serialize(model)));
    }
}
