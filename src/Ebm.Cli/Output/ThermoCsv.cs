using System.Text;
using Ebm.Functional.Exact;

namespace Ebm.Cli.Output;

/// <summary>
/// CSV of a thermodynamics sweep: a header line, then one line per beta with T = 1/beta, log Z,
/// U, F, S, C, Var E and the exact method, numbers at full precision ("Infinity" where T or F is infinite).
/// </summary>
internal static class ThermoCsv
{
    public const string Header = "beta,temperature,logZ,meanEnergy,freeEnergy,entropy,heatCapacity,energyVariance,exactMethod";

    public static string Write(IEnumerable<ExactResult> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
            text.AppendJoin(',',
                    Numbers.Exact(r.Beta), Numbers.Exact(1.0 / r.Beta), Numbers.Exact(r.LogZ), Numbers.Exact(r.MeanEnergy),
                    Numbers.Exact(r.FreeEnergy), Numbers.Exact(r.Entropy), Numbers.Exact(r.HeatCapacity), Numbers.Exact(r.EnergyVariance), r.Method)
                .Append('\n');
        return text.ToString();
    }
}
