using System.Text;
using Ebm.Cli.Output;
using Ebm.Functional.Thermo;

namespace Ebm.Cli.Thermo;

/// <summary>
/// CSV of a sampled sweep: a header line, then one line per beta with T, each quantity followed by its standard error,
/// the order moments where the model has them (empty cells otherwise) and the method; numbers at full precision.
/// </summary>
internal static class ThermoPointsCsv
{
    public const string Header =
        "beta,temperature,logZ,logZError,meanEnergy,meanEnergyError,freeEnergy,freeEnergyError,entropy,entropyError," +
        "heatCapacity,heatCapacityError,heatCapacityFromSlope,heatCapacityFromSlopeError,meanAbsoluteMagnetisation," +
        "meanAbsoluteMagnetisationError,susceptibility,susceptibilityError,binder,binderError,method";

    public static string Write(IEnumerable<ThermoPoint> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            var slope = r.HeatCapacityFromSlope.Match(m => new[] { Numbers.Exact(m.Value), Numbers.Exact(m.Error) }, () => ["", ""]);
            var order = r.Order.Match(
                o => new[] { o.MeanAbsolute, o.Susceptibility, o.Binder }.SelectMany(m => new[] { Numbers.Exact(m.Value), Numbers.Exact(m.Error) }).ToArray(),
                () => ["", "", "", "", "", ""]);
            var cells = new[] { Numbers.Exact(r.Beta), Numbers.Exact(r.Temperature) }
                .Concat(new[] { r.LogZ, r.MeanEnergy, r.FreeEnergy, r.Entropy, r.HeatCapacity }.SelectMany(m => new[] { Numbers.Exact(m.Value), Numbers.Exact(m.Error) }))
                .Concat(slope).Concat(order).Append(r.Method);
            text.AppendJoin(',', cells).Append('\n');
        }

        return text.ToString();
    }
}
