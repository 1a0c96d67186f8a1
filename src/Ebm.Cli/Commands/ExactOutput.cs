using Ebm.Cli.Output;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Commands;

/// <summary>
/// The last line of defence before exact results are printed or written: every number finite (F and
/// T = 1/beta may be infinite at beta = 0 only, their exact values), or exit 2 with a message naming the
/// model file, the field and beta. The library already guarantees this; the tool checks again so that no
/// NaN can reach a table, a JSON report or a CSV file with exit code 0.
/// </summary>
internal static class ExactOutput
{
    /// <summary>
    /// What an exact method computed for <paramref name="model"/> loaded from <paramref name="path"/>: its error named for
    /// the file (<see cref="InFile{T}(string, Fin{T})"/>), or the result checked (<see cref="Check(string, IEnergyModel, ExactResult)"/>).
    /// </summary>
    public static Fin<ExactResult> Checked(string path, IEnergyModel model, Fin<ExactResult> computed) =>
        InFile(path, computed).Bind(result => Check(path, model, result));

    /// <summary><see cref="Checked(string, IEnergyModel, Fin{ExactResult})"/> for the results of a sweep.</summary>
    public static Fin<Seq<ExactResult>> Checked(string path, IEnergyModel model, Fin<Seq<ExactResult>> computed) =>
        InFile(path, computed).Bind(results => Check(path, model, results));

    /// <summary>The results of <paramref name="model"/> loaded from <paramref name="path"/>, checked.</summary>
    public static Fin<Seq<ExactResult>> Check(string path, IEnergyModel model, Seq<ExactResult> results) =>
        InFile(path, ExactResultCheck.Finite(model, results));

    /// <summary>One result of <paramref name="model"/> loaded from <paramref name="path"/>, checked.</summary>
    public static Fin<ExactResult> Check(string path, IEnergyModel model, ExactResult result) =>
        InFile(path, ExactResultCheck.Finite(model, result));

    /// <summary>A derived number (log Z_A - log Z_B, say) that must be finite before it is printed.</summary>
    public static Fin<double> Check(string path, string quantity, double beta, double value) =>
        double.IsFinite(value)
            ? FinSucc(value)
            : FinFail<double>(Error.New(ExactErrors.OverflowCode,
                $"{path}: {quantity} at beta {Numbers.Exact(beta)} overflows double precision"));

    /// <summary><paramref name="result"/> with its error, if any, prefixed with the model file as <see cref="InFile(string, Error)"/> does.</summary>
    public static Fin<T> InFile<T>(string path, Fin<T> result) => result.Match(FinSucc, e => FinFail<T>(InFile(path, e)));

    /// <summary>
    /// A numerical refusal of an exact method (a quantity that overflows, a method's range, a quadrature that a field
    /// makes impossible), prefixed with the model file whose field it names; other errors pass unchanged.
    /// </summary>
    public static Error InFile(string path, Error error) =>
        error.IsExpected && (ExactErrors.IsNumerical(error) || error.Code == QuadratureErrors.FieldOutOfRangeCode)
            ? Error.New(error.Code, $"{path}: {error.Message}")
            : error;
}
