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
        if (kind is "mlp" or "mlp-classifier" || kind is null && byName.ContainsKey("W1")) return Network(byName, kind);
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

    /// <summary>
    /// An mlp or mlp-classifier from W1, b1, ..., WL, bL (L the longest unbroken run of W1, W2, ...), shift, scale and
    /// activation; without a kind, one output in the last layer makes an mlp and more an mlp-classifier.
    /// </summary>
    private static Fin<IEnergyModel> Network(Dictionary<string, NpyArray> byName, string? kind)
    {
        var count = 0;
        while (count < Mlp.MaxLayers && byName.ContainsKey($"W{count + 1}")) count++;
        var known = Enumerable.Range(1, Math.Max(count, 1)).SelectMany(l => new[] { $"W{l}", $"b{l}" }).Concat(["shift", "scale", "activation"]).ToArray();
        var errors = new List<Error>();
        var layers = new List<MlpLayer>();
        for (var l = 1; l <= Math.Max(count, 1); l++)
        {
            var w = Matrix(byName, $"W{l}", errors);
            var b = Vector(byName, $"b{l}", errors, required: true);
            if (w is not null && b is not null) layers.Add(new MlpLayer(w, b));
        }

        var shift = Vector(byName, "shift", errors, required: true);
        var scale = Vector(byName, "scale", errors, required: true);
        var activation = Activation(byName, errors);
        var chosen = kind ?? (layers.Count == count && count > 0 && layers[^1].Outputs == 1 ? "mlp" : "mlp-classifier");
        var unknown = byName.Keys.Where(n => !known.Contains(n)).Select(n => KeySuggestion.Quoted(n, known)).ToList();
        if (unknown.Count > 0) errors.Add(ModelFileErrors.UnknownKeys(chosen, unknown, known));
        return Build(errors, () =>
            from network in Mlp.Create(layers.ToSeq(), activation)
            from scaling in InputScaling.Create(shift!, scale!)
            from model in chosen == "mlp"
                ? MlpEnergy.Create(network, scaling).Map(m => (IEnergyModel)m)
                : MlpClassifier.Create(network, scaling).Map(m => (IEnergyModel)m)
            select model);
    }

    /// <summary>The activation's number as one value: 0 softplus, 1 tanh, 2 silu (<see cref="MlpActivations.Names"/> order).</summary>
    private static MlpActivation Activation(Dictionary<string, NpyArray> arrays, List<Error> errors)
    {
        var names = MlpActivations.Names;
        if (!arrays.TryGetValue("activation", out var array))
        {
            errors.Add(ModelFileErrors.MissingField("activation", $"one number: {string.Join(", ", names.Select((n, i) => $"{i} {n}"))}"));
            return MlpActivation.Softplus;
        }

        if (array.Count != 1 || array.Values[0] is not (0.0 or 1.0 or 2.0))
        {
            errors.Add(ModelFileErrors.InvalidValue("activation", $"expected one number, {string.Join(", ", names.Select((n, i) => $"{i} ({n})"))}, got an array of shape {array.ShapeText}" +
                (array.Count == 1 ? $" holding {array.Values[0].ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")));
            return MlpActivation.Softplus;
        }

        return MlpActivations.Parse(names[(int)array.Values[0]]);
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
