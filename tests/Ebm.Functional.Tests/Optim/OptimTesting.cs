using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Optim;

/// <summary>Unwrapping and stepping helpers for the optimizer tests.</summary>
internal static class OptimTesting
{
    public static T Valid<T>(Validation<Error, T> value) =>
        value.Match(Succ: x => x, Fail: errors => throw new InvalidOperationException(string.Join("; ", errors)));

    public static T Valid<T>(Fin<T> value) =>
        value.Match(Succ: x => x, Fail: error => throw new InvalidOperationException(error.Message));

    /// <summary>The updates of <paramref name="steps"/> successive calls with the given gradients, parameters fixed.</summary>
    public static IReadOnlyList<Vec> Updates(GradientTransformation t, Vec parameters, IReadOnlyList<Vec> grads)
    {
        var state = t.Init(parameters);
        var updates = new List<Vec>();
        foreach (var g in grads)
        {
            var (u, next) = Valid(t.Update(g, state, parameters));
            updates.Add(u);
            state = next;
        }

        return updates;
    }
}
