using Ebm.Cli.Output;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using Spectre.Console;

namespace Ebm.Cli.Showcase;

/// <summary>
/// The built-in default job (<c>ebm</c> with no arguments): exact thermodynamics of a 4 x 4 Ising torus by
/// three independent exact methods beside Onsager's infinite lattice, and the exact log Z of a seeded
/// random 20 x 10 RBM.
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

    public static int Run(CliContext context, ulong seed)
    {
        var console = context.ResultConsole();
        var notes = new List<string>();
        console.WriteLine($"ebm {VersionReport.Version}: exact partition functions of energy-based models");
        console.WriteLine("This is the built-in showcase (ebm with no arguments); ebm --help lists the commands.");
        console.WriteLine();

        var lattice = IsingModel.Create(LatticeSide, LatticeSide, 1.0, 0.0, Boundary.Periodic);
        lattice.Match(
            Succ: model => console.Write(IsingTable(model, notes)),
            Fail: errors => notes.AddRange(errors.Map(e => $"ising: {e.Message}")));
        console.WriteLine();

        var rbm = SeededRbm.Create(RngKey.FromSeed(seed), RbmVisible, RbmHidden, RbmScale);
        rbm.Match(
            Succ: model => console.Write(RbmTable(model, seed, notes)),
            Fail: errors => notes.AddRange(errors.Map(e => $"rbm: {e.Message}")));

        if (notes.Count > 0)
        {
            console.WriteLine();
            foreach (var note in notes.Distinct()) console.WriteLine($"note: {note}");
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
