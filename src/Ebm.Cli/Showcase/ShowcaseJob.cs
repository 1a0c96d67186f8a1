using System.Globalization;
using Ebm.Cli.Output;
using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Numerics;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using Spectre.Console;
using Ebm.Functional.Estimators;

namespace Ebm.Cli.Showcase;

/// <summary>
/// The built-in default job (<c>ebm</c> with no arguments): exact thermodynamics of a 4 x 4 Ising torus by
/// three independent exact methods beside Onsager's infinite lattice, the exact log Z of a seeded
/// random 20 x 10 RBM, and log Z estimators (AIS, SMC, the sandwich, importance sampling) with their
/// standard errors beside the exact values of a 16 x 16 torus and of that RBM, the sampled heat capacity of an 8 x 8 torus
/// beside the exact one (<see cref="ShowcaseHeatCapacity"/>), a short training run whose exact log-likelihood rises to
/// near its maximum (<see cref="ShowcaseTraining"/>) and a small annealing run (<see cref="ShowcaseAnnealing"/>), with
/// their PNGs written into a new folder (<see cref="ShowcaseFolder"/>).
/// </summary>
/// <remarks>
/// The three finite-lattice methods (Gray-code enumeration of all 2^16 states, Kaufman's 1949 closed
/// form, the row transfer matrix) must agree to rounding; the Onsager column shows the finite-size
/// effect. Every random number comes from <see cref="RngKey.FromSeed"/> of the printed seed.
/// </remarks>
internal static class ShowcaseJob
{
    public const ulong DefaultSeed = 2024;

    public const int LatticeSide = 4;

    /// <summary>Around the critical point beta_c = ln(1 + sqrt 2) / 2 = 0.4406868.</summary>
    public static readonly double[] IsingBetas = [0.2, 0.3, 0.4406867935097715, 0.5, 0.7];

    public static readonly (ExactMethod Method, string Label)[] IsingMethods =
    [
        (ExactMethod.Enumeration, "enumeration (2^16 states)"),
        (ExactMethod.Kaufman, "Kaufman (1949), finite torus"),
        (ExactMethod.TransferMatrix, "transfer matrix"),
    ];

    public const int RbmVisible = 20;
    public const int RbmHidden = 10;
    public const double RbmScale = 0.1;
    public static readonly double[] RbmBetas = [0.5, 1.0, 2.0];

    /// <summary>
    /// Prints the showcase's tables and writes its PNGs into a new folder (<see cref="ShowcaseFolder"/>), named in the
    /// output; a bad <paramref name="output"/> is refused before any work.
    /// </summary>
    public static int Run(CliContext context, ulong seed, string? output) =>
        ShowcaseFolder.Create(output).Match(
            Succ: folder => Run(context, seed, folder),
            Fail: error => ErrorReport.Write(context, error));

    private static int Run(CliContext context, ulong seed, ShowcaseFolder folder)
    {
        var console = context.ResultConsole();
        var notes = new List<string>();
        console.WriteLine($"ebm {VersionReport.Version}: partition functions of energy-based models, exact and estimated");
        console.WriteLine("This is the built-in showcase (ebm with no arguments); ebm --help lists the commands.");
        console.WriteLine();

        var lattice = IsingModel.Create(LatticeSide, LatticeSide, 1.0, 0.0, Boundary.Periodic);
        lattice.Match(
            Succ: model => console.Write(IsingTable(model, notes)),
            Fail: errors => notes.AddRange(errors.Map(e => $"ising: {e.Message}")));
        console.WriteLine();

        var heat = ShowcaseHeatCapacity.Run(seed);
        console.Write(ShowcaseHeatCapacity.Table(heat, seed, notes));
        console.WriteLine();

        var rbm = SeededRbm.Create(RngKey.FromSeed(seed), RbmVisible, RbmHidden, RbmScale);
        rbm.Match(
            Succ: model => console.Write(RbmTable(model, seed, notes)),
            Fail: errors => notes.AddRange(errors.Map(e => $"rbm: {e.Message}")));

        console.WriteLine();
        console.Write(EstimatorTable(seed, notes));

        console.WriteLine();
        var training = ShowcaseTraining.Run(seed);
        console.Write(ShowcaseTraining.Table(training, seed, notes));

        console.WriteLine();
        var annealing = ShowcaseAnnealing.Run(seed);
        console.Write(ShowcaseAnnealing.Table(annealing, seed, notes));

        if (notes.Count > 0)
        {
            console.WriteLine();
            foreach (var note in notes.Distinct()) console.WriteLine($"note: {note}");
        }

        var figures = new List<(string File, string What, Func<byte[]> Png)>();
        heat.IfSucc(sweep => figures.Add((ShowcaseFolder.HeatCapacity, "C / N against T: sampled ± error, exact 8 x 8 (Kaufman), Onsager",
            () => ShowcaseHeatCapacity.Png(sweep, seed))));
        training.IfSucc(rows => figures.Add((ShowcaseFolder.LearningCurve, "exact log-likelihood against the epoch, and −log 14",
            () => ShowcaseTraining.Png(rows, seed))));
        annealing.IfSucc(run => figures.Add((ShowcaseFolder.Annealing, "energy against the sweep for every restart, and the exact ground state",
            () => ShowcaseAnnealing.Png(run.Ground, run.Result, seed))));

        // Plain lines, not the table console: a long folder name must not be wrapped.
        context.Out.WriteLine();
        context.Out.WriteLine($"figures (PNG) written to {folder.Path}");
        foreach (var (file, what, png) in figures)
        {
            var code = folder.Write(file, png, context.Cancellation).Match(
                Succ: _ =>
                {
                    context.Out.WriteLine($"  {file}: {what}");
                    return ExitCodes.Success;
                },
                Fail: error => ErrorReport.Write(context, error));
            if (code != ExitCodes.Success) return code;
        }

        return ExitCodes.Success;
    }

    /// <summary>One cell group of the Ising table: a beta, a method and what the method gave.</summary>
    public sealed record IsingRow(double Beta, ExactMethod Method, string Label, Fin<ExactResult> Result);

    /// <summary>The finite-lattice rows of the Ising table, computed once; the table only renders them.</summary>
    public static IReadOnlyList<IsingRow> IsingRows(IsingModel model) =>
        IsingBetas.SelectMany(beta => IsingMethods.Select(m => new IsingRow(beta, m.Method, m.Label, LogPartition.Exact(model, beta, m.Method))))
            .ToList();

    private static Table IsingTable(IsingModel model, List<string> notes)
    {
        var n = (double)model.Dimension;
        var table = new Table()
            .Title(Markup.Escape($"Ising model on a {model.Rows} x {model.Columns} torus: J = 1, h = 0, N = {model.Dimension} spins; per spin"))
            .AddColumns("β", "method", "log Z / N", "U / N", "C / N");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        var rows = IsingRows(model);
        foreach (var beta in IsingBetas)
        {
            var first = true;
            foreach (var row in rows.Where(r => r.Beta == beta))
            {
                var cells = row.Result.Match(
                    Succ: r => new[] { Numbers.Table(r.LogZ / n), Numbers.Table(r.MeanEnergy / n), Numbers.Table(r.HeatCapacity / n) },
                    Fail: e =>
                    {
                        notes.Add($"{row.Label}: {e.Message}");
                        return ["n/a", "n/a", "n/a"];
                    });
                table.AddRow([first ? BetaLabel(beta) : "", Markup.Escape(row.Label), .. cells]);
                first = false;
            }

            var onsager = OnsagerReference.PerSpin(beta).Match(
                Some: r => new[] { Numbers.Table(r.LogZ), Numbers.Table(r.Energy), Numbers.Table(r.HeatCapacity) },
                None: () => ["n/a", "n/a", "n/a"]);
            table.AddRow(["", "Onsager (1944), N → ∞", .. onsager]);
            if (beta != IsingBetas[^1]) table.AddEmptyRow();
        }

        return table;
    }

    /// <summary>Side of the torus the estimators are checked on.</summary>
    public const int EstimatorLatticeSide = 16;

    /// <summary>One row of the estimator table: what ran, what it gave and the exact value.</summary>
    public sealed record EstimatorRow(string Model, string Method, LogZEstimate Estimate, double Exact);

    /// <summary>
    /// AIS and SMC on a 16 x 16 torus at beta_c against Kaufman, and AIS on the base-rate path, the sandwich from
    /// exact draws and uniform importance sampling on the seeded RBM against its exact layer sum; every key from the seed.
    /// </summary>
    public static IReadOnlyList<EstimatorRow> EstimatorRows(ulong seed)
    {
        var rows = new List<EstimatorRow>();
        var key = RngKey.FromSeed(seed).FoldIn(EstimatorStream);
        var betaC = IsingBetas[2];
        IsingModel.Create(EstimatorLatticeSide, EstimatorLatticeSide, 1.0, 0.0, Boundary.Periodic).IfSuccess(torus =>
            LogPartition.Exact(torus, betaC, ExactMethod.Kaufman).IfSucc(exact =>
            {
                var path = Paths.Tempered(torus, betaC, b => Checkerboard.Create(torus, b, CheckerboardUpdate.Metropolis).Step);
                var label = $"Ising {EstimatorLatticeSide}×{EstimatorLatticeSide} torus, β_c";
                (from p in path from schedule in AnnealingSchedule.Linear(500) from estimate in Ais.Run(key.FoldIn(0), p, schedule, 100) select estimate).IfSuccess(estimate =>
                    rows.Add(new EstimatorRow(label, "ais, 100 × 500 steps", estimate, exact.LogZ)));
                (from p in path from options in SmcOptions.Create(64, null, repetitions: 4) from result in Smc.Run(key.FoldIn(1), p, options) select result).IfSuccess(result =>
                    rows.Add(new EstimatorRow(label, "smc, adaptive, 4 × 64", result.Estimate, exact.LogZ)));
            }));
        SeededRbm.Create(RngKey.FromSeed(seed), RbmVisible, RbmHidden, RbmScale).IfSuccess(rbm =>
            LogPartition.Exact(rbm, 1.0, ExactMethod.LayerSum).IfSucc(exact =>
            {
                var label = $"RBM {RbmVisible}×{RbmHidden}, β = 1";
                var path = Paths.RbmBaseRate(rbm, rbm.VisibleBias);
                (from p in path from schedule in AnnealingSchedule.Linear(300) from estimate in Ais.Run(key.FoldIn(2), p, schedule, 100) select estimate).IfSuccess(estimate =>
                    rows.Add(new EstimatorRow(label, "ais, base rate, 100 × 300", estimate, exact.LogZ)));
                RbmExactDraws.Sample(key.FoldIn(3), rbm, 50, 1.0).IfSucc(joint =>
                    (from p in path from schedule in AnnealingSchedule.Linear(300) from targets in RbmAnnealingState.FromJoint(rbm, joint)
                     from estimate in Sandwich.Run(key.FoldIn(4), p, schedule, 50, targets) select estimate).IfSuccess(estimate =>
                        rows.Add(new EstimatorRow(label, "sandwich, exact draws, 2 × 50", estimate, exact.LogZ))));
                ImportanceSampling.Estimate(key.FoldIn(5), rbm, 1.0, Proposal.Uniform(rbm.Dimension, rbm.States), 30_000).IfSuccess(estimate =>
                    rows.Add(new EstimatorRow(label, "is, uniform, 30,000 draws", estimate, exact.LogZ)));
            }));
        return rows;
    }

    /// <summary>The key stream of the estimator table, apart from the RBM's parameters.</summary>
    private const long EstimatorStream = 0xE57;

    private static Table EstimatorTable(ulong seed, List<string> notes)
    {
        var table = new Table()
            .Title(Markup.Escape($"log Z estimators against exact answers (seed {seed}); z = (estimate − exact) / standard error"))
            .AddColumns("model", "method", "log Z ± error", "exact", "z", "ESS", "warnings");
        foreach (var column in table.Columns.Skip(2).Take(4)) column.RightAligned();
        var rows = EstimatorRows(seed);
        if (rows.Count == 0) notes.Add("estimators: no model could be built");
        string? last = null;
        foreach (var row in rows)
        {
            var e = row.Estimate;
            table.AddRow(
                Markup.Escape(row.Model == last ? "" : row.Model),
                Markup.Escape(row.Method),
                string.Create(CultureInfo.InvariantCulture, $"{e.LogZ:F4} ± {e.StandardError:G2}"),
                row.Exact.ToString("F4", CultureInfo.InvariantCulture),
                ((e.LogZ - row.Exact) / e.StandardError).ToString("F2", CultureInfo.InvariantCulture),
                double.IsNaN(e.Ess) ? "—" : e.Ess.ToString("F0", CultureInfo.InvariantCulture),
                Markup.Escape(e.Warnings.IsEmpty ? "" : string.Join(", ", e.Warnings.Map(w => w.Code))));
            last = row.Model;
        }

        return table;
    }

    private static string BetaLabel(double beta) =>
        Math.Abs(beta - IsingBetas[2]) < 1e-15 ? $"{Numbers.Table(beta)} (β_c)" : Numbers.Table(beta);

    private static Table RbmTable(BernoulliRbm model, ulong seed, List<string> notes)
    {
        var table = new Table()
            .Title(Markup.Escape(
                $"Bernoulli RBM {model.Visible} x {model.Hidden} with W, b, c ~ {RbmScale} N(0, 1), seed {seed}: " +
                "one layer summed analytically, the other enumerated"))
            .AddColumns("β", "method", "log Z", "U = ⟨E⟩", "F = −log Z/β", "S", "C = β² Var E");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var beta in RbmBetas)
        {
            var cells = LogPartition.Exact(model, beta, ExactMethod.LayerSum).Match(
                Succ: r => new[]
                {
                    Markup.Escape(r.Method), Numbers.Table(r.LogZ), Numbers.Table(r.MeanEnergy), Numbers.Table(r.FreeEnergy),
                    Numbers.Table(r.Entropy), Numbers.Table(r.HeatCapacity),
                },
                Fail: e =>
                {
                    notes.Add($"layer-sum: {e.Message}");
                    return ["layer-sum", "n/a", "n/a", "n/a", "n/a", "n/a"];
                });
            table.AddRow([Numbers.Table(beta), .. cells]);
        }

        return table;
    }
}
