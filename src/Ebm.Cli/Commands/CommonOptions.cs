using System.CommandLine;
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
}
