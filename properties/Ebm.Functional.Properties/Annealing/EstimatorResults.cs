using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Properties.Annealing;

/// <summary>The values of estimator runs the laws build to succeed.</summary>
internal static class EstimatorResults
{
    /// <summary>The value of a validation known to succeed; a failure is a broken law's setup and says why.</summary>
    public static T Valid<T>(Validation<Error, T> value) =>
        value.Match(x => x, errors => throw new InvalidOperationException(string.Join("; ", errors)));
}
