using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Data;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The base rate of <c>--data</c>: the logits of the smoothed means of a binary data set over an RBM's visible units
/// (Salakhutdinov and Murray 2008), read the same way for the annealing path's base model and for the proposals of
/// importance and bridge sampling.
/// </summary>
internal static class DataBaseRate
{
    /// <summary>
    /// The visible biases from the data file at <paramref name="path"/> (CSV, .npy, .npz or IDX, also gzipped: <see cref="DataSets"/>);
    /// every problem names the file.
    /// </summary>
    public static Fin<Vec> VisibleBias(BernoulliRbm rbm, string path) =>
        DataSets.Load(path, DataRequest.Binary(rbm.Visible)).Bind(data => BaseRate.VisibleBias(data).Match(
            FinSucc,
            errors => FinFail<Vec>(Error.Many(errors.Map(e => CliErrors.InvalidOption("--data", $"{path}: {e.Message}"))))));
}
