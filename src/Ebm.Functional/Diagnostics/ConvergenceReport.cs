using System.Globalization;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// The convergence diagnostics of a sampling run over several scalars: the energy first, then the
/// <see cref="Observables"/> of the model (coordinates, magnetisation, visible means), with the worst R-hat and the
/// smallest ESS among them, a divergence check on the energies and a symmetry check on zero-mean observables.
/// </summary>
/// <param name="Scalars">The energy (named <see cref="EnergyName"/>) first, then each observable that could be summarised.</param>
/// <param name="Divergence">Set when the energies grew beyond <see cref="EnergyResolutionLimit"/> / beta: the chains have diverged.</param>
/// <param name="Findings">Other problems, in words: an observable far from the zero mean its symmetry demands, an observable that could not be summarised.</param>
/// <remarks>
/// Divergence: a double near |E| resolves energy differences of |E|·2^-52, so once beta·|E| ≥ 2^52 two states whose
/// energies differ by 1/beta (one unit of the Boltzmann factor) have the same energy, and no kernel can sample p; a
/// run gets there when a step size far too large sends the chains off (Langevin at step size 100 on a Gaussian
/// reaches |E| ≈ 3e306). Its summaries are still finite (they are computed on scaled draws) but mean nothing.
/// </remarks>
/// <example><code>
/// var report = ConvergenceReport.Create(energiesByChain, beta, Observables.For(model), j =&gt; observableDraws[j]);
/// report.Match(r =&gt; r.Warnings().Iter(Console.Error.WriteLine), e =&gt; Console.Error.WriteLine(e.Message));
/// </code></example>
public sealed record ConvergenceReport(Seq<ScalarSummary> Scalars, Option<string> Divergence, Seq<string> Findings)
{
    /// <summary>The name of the energy among the scalars.</summary>
    public const string EnergyName = "E";

    /// <summary>2^52: beyond this beta·|E| a double cannot resolve energy differences of 1/beta.</summary>
    public const double EnergyResolutionLimit = 4503599627370496.0;

    /// <summary>
    /// A zero-mean-by-symmetry observable whose mean lies more than this many MCSE from 0 is reported: for a chain
    /// that samples both halves with a right MCSE, that happens with probability 6.3e-5 (two-sided normal tail).
    /// </summary>
    public const double SymmetryZScore = 4.0;

    /// <summary>The energy's summary.</summary>
    public ChainSummary Energy => Scalars.Head.Summary;

    /// <summary>True when <see cref="Divergence"/> is set.</summary>
    public bool Diverged => Divergence.IsSome;

    /// <summary>The largest R-hat among the scalars, with its name; None when no R-hat is defined.</summary>
    public Option<ExtremeDiagnostic> WorstRHat =>
        Scalars.Choose(s => s.Summary.RHat.Map(r => new ExtremeDiagnostic(s.Name, "R-hat", r)))
            .Fold(Option<ExtremeDiagnostic>.None, (worst, d) => worst.Match(w => d.Value > w.Value ? d : w, () => d));

    /// <summary>The smallest bulk or tail ESS among the scalars, with its name and which it is; None when none is defined.</summary>
    public Option<ExtremeDiagnostic> SmallestEss =>
        Scalars.Bind(s => s.Summary.BulkEss.Map(e => new ExtremeDiagnostic(s.Name, "bulk ESS", e)).ToSeq()
                + s.Summary.TailEss.Map(e => new ExtremeDiagnostic(s.Name, "tail ESS", e)).ToSeq())
            .Fold(Option<ExtremeDiagnostic>.None, (least, d) => least.Match(l => d.Value < l.Value ? d : l, () => d));

    /// <summary>
    /// Every warning: the divergence first (it makes the rest meaningless), then per criterion (R-hat above
    /// <see cref="ChainSummary.RHatThreshold"/>, bulk or tail ESS below <see cref="ChainSummary.MinimumEssPerChain"/> per
    /// chain) one line naming the worst scalar and the others that fail it, undefined energy diagnostics, then the findings.
    /// </summary>
    public Seq<string> Warnings() => Divergence.ToSeq() + ScalarWarnings.Build(Scalars) + Findings;

    /// <summary>
    /// Diagnoses the energies (chains x kept steps) and each observable, whose draws (chains x kept steps) are asked
    /// for one at a time through <paramref name="observableDraws"/>, so only one copy is alive at once.
    /// </summary>
    /// <returns>The report, or <see cref="DiagnosticsErrors.Diverged"/> when an energy is NaN or infinite (the other requirements are those of <see cref="ChainSummary.Summarise"/>).</returns>
    public static Fin<ConvergenceReport> Create(Mat energies, double beta, Seq<Observable> observables, Func<int, Mat> observableDraws)
    {
        var values = energies.Span;
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                return FinFail<ConvergenceReport>(DiagnosticsErrors.Diverged(i / energies.Columns, i % energies.Columns, values[i]));
        return ChainSummary.Summarise(energies).Map(energy =>
        {
            var scalars = new List<ScalarSummary> { new(EnergyName, energy) };
            var findings = new List<string>();
            var index = 0;
            foreach (var observable in observables)
            {
                var draws = observableDraws(index++);
                ChainSummary.Summarise(draws).Match(
                    Succ: summary =>
                    {
                        scalars.Add(new ScalarSummary(observable.Name, summary));
                        if (observable.ZeroMeanBySymmetry) SymmetryFinding(observable.Name, summary).IfSome(findings.Add);
                    },
                    Fail: error => findings.Add($"{observable.Name} is not diagnosed: {error.Message}"));
            }
            return new ConvergenceReport(scalars.ToSeq(), DivergenceOf(energies, beta), findings.ToSeq());
        });
    }

    private static Option<string> DivergenceOf(Mat energies, double beta)
    {
        var values = energies.Span;
        var largest = 0;
        for (var i = 1; i < values.Length; i++)
            if (Math.Abs(values[i]) > Math.Abs(values[largest])) largest = i;
        var scaled = beta * Math.Abs(values[largest]);
        return scaled >= EnergyResolutionLimit
            ? Some(string.Create(CultureInfo.InvariantCulture,
                $"the chains diverged: beta·|E| reaches {scaled:G3} (chain {largest / energies.Columns}, kept step {largest % energies.Columns}), beyond 2^52 ≈ 4.5E+15, where a double cannot resolve energy differences of 1/beta; reduce the step size (or rescale the energy)"))
            : None;
    }

    private static Option<string> SymmetryFinding(string name, ChainSummary summary)
    {
        if (summary.DrawsPerChain < ChainSummary.MinimumDrawsForDiagnostics) return None;
        var far = summary.McseMean.Match(se => Math.Abs(summary.Mean) > SymmetryZScore * se, () => summary.Mean != 0.0);
        var error = summary.McseMean.Match(se => string.Create(CultureInfo.InvariantCulture, $" ± {se:G2} (MCSE)"), () => "");
        return far
            ? Some(string.Create(CultureInfo.InvariantCulture,
                $"{name} averages {summary.Mean:G4}{error}, but the model is symmetric under s → -s, so its exact mean is 0: the chains have not crossed between the two mirror-image phases (<E> is unaffected, <{name}> is not)"))
            : None;
    }
}
