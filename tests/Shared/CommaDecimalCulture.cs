using System.Globalization;

namespace Ebm.Tests.Shared;

/// <summary>
/// A culture whose decimal separator is ',' and group separator '.', as in German or French number formats, for
/// showing that what the tool reads and prints does not depend on the current culture.
/// </summary>
internal static class CommaDecimalCulture
{
    /// <summary>Runs <paramref name="work"/> with the comma-decimal culture as the current culture, then restores the old one.</summary>
    public static T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
