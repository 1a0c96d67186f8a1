using System.Text;
using System.Text.Json;
using Ebm.Functional.Exact;

namespace Ebm.Cli.Output;

/// <summary>Writes JSON reports: one object, numbers at full precision, non-finite numbers as null.</summary>
internal static class ResultJson
{
    /// <summary>The text of one JSON object filled by <paramref name="fill"/>.</summary>
    public static string Object(Action<Utf8JsonWriter> fill)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            fill(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A number, or null where JSON has no literal (NaN, infinities).</summary>
    public static void Number(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }

    /// <summary>The fields of one exact result: beta, logZ, U, Var E, F, S, C and magnetisation moments where known.</summary>
    public static void Result(Utf8JsonWriter writer, ExactResult result)
    {
        writer.WriteString("exactMethod", result.Method);
        Number(writer, "beta", result.Beta);
        Number(writer, "logZ", result.LogZ);
        Number(writer, "meanEnergy", result.MeanEnergy);
        Number(writer, "energyVariance", result.EnergyVariance);
        Number(writer, "freeEnergy", result.FreeEnergy);
        Number(writer, "entropy", result.Entropy);
        Number(writer, "heatCapacity", result.HeatCapacity);
        result.Magnetisation.IfSome(m =>
        {
            writer.WriteStartObject("magnetisation");
            Number(writer, "mean", m.Mean);
            Number(writer, "meanSquare", m.MeanSquare);
            m.MeanAbsolute.IfSome(x => Number(writer, "meanAbsolute", x));
            m.MeanFourth.IfSome(x => Number(writer, "meanFourth", x));
            writer.WriteEndObject();
        });
    }
}
