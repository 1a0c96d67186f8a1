using System.Globalization;

namespace Ebm.Cli.Output;

/// <summary>How numbers are written: invariant culture everywhere, full precision where a value may be reused.</summary>
internal static class Numbers
{
    /// <summary>The shortest text that reads back to the same double ("R"), for CSV and plain reports.</summary>
    public static string Exact(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Ten significant digits, for tables meant to be read.</summary>
    public static string Table(double x) => double.IsFinite(x) ? x.ToString("G10", CultureInfo.InvariantCulture) : Exact(x);
}
