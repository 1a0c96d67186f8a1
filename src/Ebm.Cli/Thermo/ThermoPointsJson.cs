using System.Text.Json;
using Ebm.Cli.Output;
using Ebm.Functional.Thermo;
using LanguageExt;

namespace Ebm.Cli.Thermo;

/// <summary>
/// The rows of a sampled sweep in JSON: today's keys (beta, logZ, meanEnergy, freeEnergy, entropy, heatCapacity,
/// temperature) with <c>&lt;key&gt;Error</c> beside each, the order moments of spin models, and the exact values where known.
/// </summary>
internal static class ThermoPointsJson
{
    public static void Row(Utf8JsonWriter w, ThermoPoint row, Option<ThermoPoint> exact)
    {
        w.WriteString("method", row.Method);
        ResultJson.Number(w, "beta", row.Beta);
        Measured(w, "logZ", row.LogZ);
        Measured(w, "meanEnergy", row.MeanEnergy);
        Measured(w, "freeEnergy", row.FreeEnergy);
        Measured(w, "entropy", row.Entropy);
        Measured(w, "heatCapacity", row.HeatCapacity);
        row.HeatCapacityFromSlope.IfSome(m => Measured(w, "heatCapacityFromSlope", m));
        row.Order.IfSome(o => Order(w, o));
        ResultJson.Number(w, "temperature", row.Temperature);
        exact.IfSome(e =>
        {
            w.WriteStartObject("exact");
            ResultJson.Number(w, "logZ", e.LogZ.Value);
            ResultJson.Number(w, "meanEnergy", e.MeanEnergy.Value);
            ResultJson.Number(w, "freeEnergy", e.FreeEnergy.Value);
            ResultJson.Number(w, "entropy", e.Entropy.Value);
            ResultJson.Number(w, "heatCapacity", e.HeatCapacity.Value);
            e.Order.IfSome(o =>
            {
                ResultJson.Number(w, "meanAbsoluteMagnetisation", o.MeanAbsolute.Value);
                ResultJson.Number(w, "susceptibility", o.Susceptibility.Value);
                ResultJson.Number(w, "binder", o.Binder.Value);
            });
            w.WriteEndObject();
        });
    }

    private static void Order(Utf8JsonWriter w, OrderMoments order)
    {
        Measured(w, "meanAbsoluteMagnetisation", order.MeanAbsolute);
        Measured(w, "susceptibility", order.Susceptibility);
        Measured(w, "binder", order.Binder);
    }

    private static void Measured(Utf8JsonWriter w, string key, Measured value)
    {
        ResultJson.Number(w, key, value.Value);
        ResultJson.Number(w, key + "Error", value.Error);
    }
}
