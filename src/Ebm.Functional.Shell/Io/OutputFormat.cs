namespace Ebm.Functional.Shell.Io;

/// <summary>What an output holds, where that constrains its name.</summary>
public enum OutputFormat
{
    /// <summary>Text or data under any name (CSV, JSON).</summary>
    Any,

    /// <summary>
    /// A PNG image: a file name must end in ".png" (case ignored), so "--plot x.txt" is refused before the work
    /// rather than leaving an image under a text name. Character devices and FIFOs have no name to check.
    /// </summary>
    Png,
}
