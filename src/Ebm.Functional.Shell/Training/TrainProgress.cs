using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Functional.Shell.Training;

/// <summary>Where a training run stands, reported after every update and every evaluation.</summary>
/// <param name="Epoch">Epochs completed.</param>
/// <param name="Epochs">Epochs the run ends after.</param>
/// <param name="Step">Updates made so far, over all epochs.</param>
/// <param name="Steps">Updates the whole run makes.</param>
/// <param name="Latest">The metrics of the latest evaluation (empty before the first).</param>
/// <param name="Elapsed">Time this process has spent on the run.</param>
/// <param name="Remaining">
/// The time left, extrapolated from the updates this process has made (null before the first): evaluations are
/// counted in the rate, so it is an estimate, not a promise.
/// </param>
public sealed record TrainProgress(int Epoch, int Epochs, long Step, long Steps, Seq<Metric> Latest, TimeSpan Elapsed, TimeSpan? Remaining)
{
    /// <summary>The completed fraction of the run, in [0, 1].</summary>
    public double Fraction => Steps <= 0 ? 1.0 : Math.Clamp((double)Step / Steps, 0.0, 1.0);
}
