using LanguageExt;
using LanguageExt.Common;
using Ebm.Functional.Models;

namespace Ebm.Functional.Shell.Sampling;

/// <summary>
/// How long to run a batch of chains: <see cref="BurnIn"/> discarded steps, then <see cref="Steps"/>
/// steps of which every <see cref="Thin"/>-th is kept.
/// </summary>
public sealed record RunSettings
{
    private RunSettings(int steps, int burnIn, int thin)
    {
        Steps = steps;
        BurnIn = burnIn;
        Thin = thin;
    }

    /// <summary>Most steps accepted (burn-in included); beyond it a run would not fit a trace in memory.</summary>
    public const int MaxSteps = 100_000_000;

    /// <summary>Steps after burn-in.</summary>
    public int Steps { get; }

    /// <summary>Steps discarded first.</summary>
    public int BurnIn { get; }

    /// <summary>Keep one step in this many.</summary>
    public int Thin { get; }

    /// <summary>Number of kept steps: Steps / Thin.</summary>
    public int Kept => Steps / Thin;

    /// <summary>Validates the three numbers, reporting every problem.</summary>
    public static Validation<Error, RunSettings> Create(int steps, int burnIn = 0, int thin = 1)
    {
        var errors = new List<Error>();
        if (steps < 1) errors.Add(ModelErrors.InvalidField("steps", $"must be at least 1, got {steps}"));
        if (burnIn < 0) errors.Add(ModelErrors.InvalidField("burn-in", $"must be 0 or more, got {burnIn}"));
        if (thin < 1) errors.Add(ModelErrors.InvalidField("thin", $"must be at least 1, got {thin}"));
        if ((long)steps + burnIn > MaxSteps) errors.Add(ModelErrors.TooLarge("steps", (long)steps + burnIn, MaxSteps));
        if (thin > steps && steps >= 1) errors.Add(ModelErrors.InvalidField("thin", $"= {thin} keeps no step of {steps}"));
        return errors.Count == 0
            ? Validation<Error, RunSettings>.Success(new RunSettings(steps, burnIn, thin))
            : Validation<Error, RunSettings>.Fail(errors.ToSeq());
    }
}
