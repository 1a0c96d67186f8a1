using System.Text;
using Ebm.Cli.Sampling;

namespace Ebm.Cli.Output;

/// <summary>
/// CSV of the kept samples: a header line "chain,step,energy,x0,...", then one line per chain per kept
/// step (step counts kept steps from 0), numbers at full precision.
/// </summary>
internal static class SamplesCsv
{
    public static string Write(SampleOutcome outcome, int dimension)
    {
        var text = new StringBuilder("chain,step,energy");
        for (var i = 0; i < dimension; i++) text.Append(",x").Append(i);
        text.Append('\n');
        for (var t = 0; t < outcome.Samples.Count; t++)
        {
            var states = outcome.Samples[t];
            for (var c = 0; c < states.Rows; c++)
            {
                text.Append(c).Append(',').Append(t).Append(',').Append(Numbers.Exact(outcome.Energies[t, c]));
                foreach (var x in states.Row(c)) text.Append(',').Append(Numbers.Exact(x));
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
