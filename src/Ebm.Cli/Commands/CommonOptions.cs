using System.CommandLine;
using Ebm.Cli.Cost;
using Ebm.Functional.Exact;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Commands;

/// <summary>The argument and options shared by the commands that compute log Z.</summary>
internal static class CommonOptions
{
    /// <summary>The families of methods; estimators will join "exact" here.</summary>
    public static readonly string[] Methods = ["exact"];

    public static Argument<string> Model() => new("MODEL.json")
    {
        Description = $"Model file (JSON) whose \"kind\" is one of: {string.Join(", ", ModelFile.Kinds)}. See the README for each format.",
    };

    public static Option<string> Method() =>
        new Option<string>("--method", "-m")
        {
            Description = "How to compute log Z. exact: an exact method (enumeration, RBM layer sum, Kaufman, transfer matrix, " +
                          "closed form or quadrature); fails with exit code 2 when the model is too large for one.",
            DefaultValueFactory = _ => "exact",
            HelpName = "exact",
        }.OneOf(Methods);

    public static Option<string> ExactMethod() =>
        new Option<string>("--exact-method")
        {
            Description = $"Which exact method to use with --method exact: {string.Join(", ", ExactMethodNames.All)}. " +
                          "auto picks the fastest that applies; naming one that does not apply to the model is an error (exit code 2).",
            DefaultValueFactory = _ => "auto",
            HelpName = "METHOD",
        }.OneOf(ExactMethodNames.All.ToArray());

    public static Option<bool> Json(string what) => new("--json")
    {
        Description = $"Print {what} as one JSON object on stdout instead of a table (non-finite numbers are null).",
    };

    public static ExactMethod ToExactMethod(string name) => ExactMethodNames.Parse(name);

    /// <summary>--force: run even when the run's stated cost is over the budget of <see cref="RunBudget"/>.</summary>
    public static Option<bool> Force() => new("--force")
    {
        Description = $"Run even when the run's cost, stated before any work, is over the budget of {RunCost.Count(RunBudget.MaxUnitUpdates)} unit updates " +
                      $"(energy evaluations x variables; minutes on two cores) or {RunCost.Bytes(RunBudget.MaxMemoryBytes)} of memory; without it such a run is refused (exit code 2).",
    };
}
