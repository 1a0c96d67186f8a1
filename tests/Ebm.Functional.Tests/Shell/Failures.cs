using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Shell;

/// <summary>The errors of a result that must have failed, a <see cref="ManyErrors"/> flattened into its parts.</summary>
internal static class Failures
{
    /// <summary>Every error of <paramref name="result"/>; a success fails the test.</summary>
    public static List<Error> Of<T>(Fin<T> result) =>
        result.Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => Flatten(e).ToList());

    private static IEnumerable<Error> Flatten(Error error) => error is ManyErrors many ? many.Errors.SelectMany(Flatten) : [error];
}
