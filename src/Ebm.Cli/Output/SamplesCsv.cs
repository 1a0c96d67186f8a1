using System.Globalization;
using Ebm.Functional.Numerics;

namespace Ebm.Cli.Output;

/// <summary>
/// CSV of the kept samples: a header line "chain,step,energy,x0,...", then one line per chain per kept
/// step (step counts kept steps from 0), numbers at full precision. Written as the chains run, one kept
/// step at a time, so the file never has to fit in memory.
/// </summary>
internal static class SamplesCsv
{
    /// <summary>The header line.</summary>
    public static void WriteHeader(TextWriter writer, int dimension)
    {
        writer.Write("chain,step,energy");
        for (var i = 0; i < dimension; i++) writer.Write(string.Create(CultureInfo.InvariantCulture, $",x{i}"));
        writer.Write('\n');
    }

    /// <summary>The lines of kept step <paramref name="step"/>: chain c, the step, E of chain c, then its state.</summary>
    public static void WriteStep(TextWriter writer, int step, Vec energies, Mat states)
    {
        var stepText = step.ToString(CultureInfo.InvariantCulture);
        for (var c = 0; c < states.Rows; c++)
        {
            writer.Write(c.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(stepText);
            writer.Write(',');
            writer.Write(Numbers.Exact(energies[c]));
            foreach (var x in states.Row(c))
            {
                writer.Write(',');
                writer.Write(Numbers.Exact(x));
            }
            writer.Write('\n');
        }
    }
}
