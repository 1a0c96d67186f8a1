using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Output;

/// <summary>Library results as the commands' outcomes.</summary>
internal static class Outcomes
{
    /// <summary>A validated library result as a <see cref="Fin{A}"/>, every error kept (<see cref="Error.Many(Seq{Error})"/>).</summary>
    public static Fin<T> ToFin<T>(Validation<Error, T> result) =>
        result.Match(FinSucc, errors => FinFail<T>(Error.Many(errors)));
}
