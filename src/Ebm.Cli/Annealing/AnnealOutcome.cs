using Ebm.Cli.Cost;
using Ebm.Functional.Annealing;
using LanguageExt;

namespace Ebm.Cli.Annealing;

/// <summary>What one <c>ebm anneal</c> run found, with what it is compared to.</summary>
/// <param name="Problem">The problem.</param>
/// <param name="T0">The start temperature used.</param>
/// <param name="T1">The final temperature used.</param>
/// <param name="Result">The annealing result.</param>
/// <param name="Ground">The exact ground state, when the model is small enough to enumerate.</param>
/// <param name="Cost">The run's stated cost.</param>
internal sealed record AnnealOutcome(AnnealProblem Problem, double T0, double T1, SaResult Result, Option<AnnealGround> Ground, RunCost Cost)
{
    /// <summary>The success statistics against the exact ground state, when known.</summary>
    public Option<SaSuccess> Success => Ground.Map(g => SaSuccess.Of(Result, g.Energy));

    /// <summary>The cut of the best state (recomputed edge by edge), for a Max-Cut problem.</summary>
    public Option<double> Cut => Problem.MaxCut.Map(p => p.Cut(Result.BestState.Span));

    /// <summary>x^T Q x of the best state (recomputed term by term), for a QUBO problem.</summary>
    public Option<double> Objective => Problem.Qubo.Map(p => p.Objective(Result.BestState.Span));
}
