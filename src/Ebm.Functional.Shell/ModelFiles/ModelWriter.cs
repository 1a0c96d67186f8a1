using System.Globalization;
using System.Text;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// Writes a model as the JSON of its kind: one key per line, vectors on one line, a matrix one row
/// per line, numbers in the shortest form that reads back to the same double.
/// </summary>
internal static class ModelWriter
{
    public static string Write(IEnergyModel model)
    {
        var json = new JsonObjectText();
        json.String("kind", model.Kind);
        switch (model)
        {
            case BernoulliRbm rbm:
                json.Matrix("weights", rbm.Weights).Vector("visibleBias", rbm.VisibleBias).Vector("hiddenBias", rbm.HiddenBias);
                break;
            case GaussianBernoulliRbm rbm:
                json.Matrix("weights", rbm.Weights).Vector("visibleBias", rbm.VisibleBias).Vector("hiddenBias", rbm.HiddenBias)
                    .Vector("sigma", rbm.Sigma);
                break;
            case IsingModel ising:
                json.Number("rows", ising.Rows).Number("columns", ising.Columns)
                    .String("boundary", ising.Boundary == Boundary.Open ? "open" : "periodic")
                    .Number("coupling", ising.Coupling).Number("field", ising.Field);
                break;
            case PottsModel potts:
                Categorical(json, potts.Rows, potts.Columns, potts.Levels, potts.Coupling, potts.Field, potts.Boundary);
                break;
            case ClockModel clock:
                Categorical(json, clock.Rows, clock.Columns, clock.Levels, clock.Coupling, clock.Field, clock.Boundary);
                break;
            case BoltzmannMachine machine:
                json.String("states", machine.States == StateConvention.Spin ? "spin" : "binary")
                    .Matrix("couplings", machine.Couplings).Vector("biases", machine.Biases);
                break;
            case GaussianModel gaussian:
                json.Vector("mean", gaussian.Mean).Matrix("precision", gaussian.Precision);
                break;
            case DoubleWell well:
                json.Number("barrier", well.Barrier).Number("stiffness", well.Stiffness);
                break;
            case RingEnergy ring:
                json.Number("radius", ring.Radius).Number("scale", ring.Scale);
                break;
            case GaussianMixture2D mixture:
                json.Vector("weights", mixture.Weights).Matrix("means", mixture.Means).Vector("sigmas", mixture.Sigmas);
                break;
            case MlpEnergy energy:
                Network(json, energy.Network, energy.Scaling);
                break;
            case MlpClassifier classifier:
                Network(json, classifier.Network, classifier.Scaling);
                break;
            default:
                throw new NotSupportedException($"model kind {model.Kind} ({model.GetType().Name}) has no file format");
        }

        return json.Close();
    }

    private static void Categorical(JsonObjectText json, int rows, int columns, int levels, double coupling, double field, Boundary boundary) =>
        json.Number("rows", rows).Number("columns", columns).Number("states", levels)
            .Number("coupling", coupling).Number("field", field)
            .String("boundary", boundary == Boundary.Open ? "open" : "periodic");

    /// <summary>The activation by name, the input scaling, then the layers input side first, each an object of weights (outputs x inputs) and bias.</summary>
    private static void Network(JsonObjectText json, Mlp network, InputScaling scaling)
    {
        json.String("activation", MlpActivations.Name(network.Activation)).Vector("shift", scaling.Shift).Vector("scale", scaling.Scale);
        json.Objects("layers", network.Layers.Map(layer => (Action<JsonObjectText>)(o => o.Matrix("weights", layer.Weights).Vector("bias", layer.Bias))));
    }

    /// <summary>Builds the text of one flat JSON object; keys and kind names are fixed ASCII, so no escaping is needed.</summary>
    private sealed class JsonObjectText
    {
        private readonly StringBuilder _text = new("{");
        private bool _first = true;

        public JsonObjectText String(string key, string value) => Key(key).Append('"', value, '"');

        public JsonObjectText Number(string key, double value) => Key(key).AppendNumber(value);

        public JsonObjectText Vector(string key, Vec values) => Key(key).AppendArray(values.Span);

        public JsonObjectText Matrix(string key, Mat values)
        {
            Key(key);
            _text.Append('[');
            for (var i = 0; i < values.Rows; i++)
            {
                _text.Append(i == 0 ? "\n    " : ",\n    ");
                AppendArray(values.Row(i));
            }

            _text.Append(values.Rows == 0 ? "]" : "\n  ]");
            return this;
        }

        /// <summary>An array of objects, each written by one of <paramref name="members"/> (indented one level deeper).</summary>
        public JsonObjectText Objects(string key, IEnumerable<Action<JsonObjectText>> members)
        {
            Key(key);
            _text.Append('[');
            var first = true;
            foreach (var write in members)
            {
                var nested = new JsonObjectText();
                write(nested);
                var text = nested._text.Append("\n}").ToString().Replace("\n", "\n    ", StringComparison.Ordinal);
                _text.Append(first ? "\n    " : ",\n    ").Append(text);
                first = false;
            }

            _text.Append(first ? "]" : "\n  ]");
            return this;
        }

        public string Close() => _text.Append("\n}\n").ToString();

        private JsonObjectText Key(string key)
        {
            _text.Append(_first ? "\n  \"" : ",\n  \"").Append(key).Append("\": ");
            _first = false;
            return this;
        }

        private JsonObjectText Append(char open, string value, char close)
        {
            _text.Append(open).Append(value).Append(close);
            return this;
        }

        private JsonObjectText AppendNumber(double value)
        {
            _text.Append(value.ToString("R", CultureInfo.InvariantCulture));
            return this;
        }

        private JsonObjectText AppendArray(ReadOnlySpan<double> values)
        {
            _text.Append('[');
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) _text.Append(", ");
                AppendNumber(values[i]);
            }

            _text.Append(']');
            return this;
        }
    }
}
