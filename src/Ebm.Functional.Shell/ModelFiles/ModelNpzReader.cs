using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// Turns the arrays of a model archive into a model: the kind (given or decided by the arrays), the arrays each kind
/// needs, their shapes and finite values, then the model's own validation. Every problem is reported at once.
/// </summary>
internal static class ModelNpzReader
{
    private static readonly Dictionary<string, string[]> Arrays = new(StringComparer.Ordinal)
    {
        ["bernoulli-rbm"] = ["W", "b", "c"],
        ["gaussian-bernoulli-rbm"] = ["W", "b", "c", "sigma"],
        ["boltzmann-machine"] = ["W", "b", "spin"],
    };

    public static Fin<IEnergyModel> Read(Seq<(string Name, NpyArray Array)> arrays, string? kind)
    {
        var byName = arrays.ToDictionary(a => a.Name, a => a.Array, StringComparer.Ordinal);
        var chosen = kind ?? (byName.ContainsKey("sigma") ? "gaussian-bernoulli-rbm" : byName.ContainsKey("c") ? "bernoulli-rbm" : "boltzmann-machine");
        var known = Arrays[chosen];
        var errors = new List<Error>();
        var unknown = byName.Keys.Where(n => !known.Contains(n)).Select(n => KeySuggestion.Quoted(n, known)).ToList();
        if (unknown.Count > 0) errors.Add(ModelFileErrors.UnknownKeys(chosen, unknown, known));
        var w = Matrix(byName, "W", errors);
        var b = Vector(byName, "b", errors, required: true);
        switch (chosen)
        {
            case "bernoulli-rbm":
                var c = Vector(byName, "c", errors, required: true);
                return Build(errors, () => BernoulliRbm.Create(w!, b!, c!).Map(m => (IEnergyModel)m));
            case "gaussian-bernoulli-rbm":
                var hidden = Vector(byName, "c", errors, required: true);
                var sigma = Vector(byName, "sigma", errors, required: true);
                return Build(errors, () => GaussianBernoulliRbm.Create(w!, b!, hidden!, sigma!).Map(m => (IEnergyModel)m));
            default:
                var spin = Spin(byName, errors);
                return Build(errors, () => BoltzmannMachine.Create(w!, b!, spin).Map(m => (IEnergyModel)m));
        }
    }

    private static Fin<IEnergyModel> Build(List<Error> errors, Func<Validation<Error, IEnergyModel>> create) =>
        errors.Count > 0
            ? FinFail<IEnergyModel>(Error.Many(errors.ToSeq()))
            : create().Match(Succ: model => FinSucc(model), Fail: problems => FinFail<IEnergyModel>(Error.Many(problems)));

    private static Mat? Matrix(Dictionary<string, NpyArray> arrays, string name, List<Error> errors)
    {
        if (!arrays.TryGetValue(name, out var array))
        {
            errors.Add(ModelFileErrors.MissingField(name, "a 2-d array"));
            return null;
        }

        if (array.Shape.Count != 2)
        {
            errors.Add(ModelFileErrors.WrongType(name, "a 2-d array", $"an array of shape {array.ShapeText}"));
            return null;
        }

        return Finite(array, name, errors) ? Mat.From(array.Shape[0], array.Shape[1], array.Values) : null;
    }

    private static Vec? Vector(Dictionary<string, NpyArray> arrays, string name, List<Error> errors, bool required)
    {
        if (!arrays.TryGetValue(name, out var array))
        {
            if (required) errors.Add(ModelFileErrors.MissingField(name, "a 1-d array"));
            return null;
        }

        if (array.Shape.Count != 1)
        {
            errors.Add(ModelFileErrors.WrongType(name, "a 1-d array", $"an array of shape {array.ShapeText}"));
            return null;
        }

        return Finite(array, name, errors) ? Vec.From(array.Values) : null;
    }

    /// <summary>The state convention: <c>spin</c> as a 0-d or one-element array, true (nonzero) for spins; absent means binary.</summary>
    private static StateConvention Spin(Dictionary<string, NpyArray> arrays, List<Error> errors)
    {
        if (!arrays.TryGetValue("spin", out var array)) return StateConvention.Binary;
        if (array.Count != 1 || array.Values[0] is not (0.0 or 1.0))
        {
            errors.Add(ModelFileErrors.InvalidValue("spin", $"expected one value, True (states -1/+1) or False (states 0/1), got an array of shape {array.ShapeText}"));
            return StateConvention.Binary;
        }

        return array.Values[0] == 1.0 ? StateConvention.Spin : StateConvention.Binary;
    }

    private static bool Finite(NpyArray array, string name, List<Error> errors)
    {
        var values = array.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i])) continue;
            errors.Add(ModelFileErrors.NotFinite($"{name}{Index(array.Shape, i)}", values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return false;
        }

        return true;
    }

    private static string Index(IReadOnlyList<int> shape, int flat)
    {
        var index = new int[shape.Count];
        for (var d = shape.Count - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }

        return $"[{string.Join(", ", index)}]";
    }
}
