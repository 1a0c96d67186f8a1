namespace Ebm.Functional.Thermo;

/// <summary>
/// Reports a stage's fraction f as offset + scale f of the whole run, on the caller's thread (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronisation context and may report after the work has ended).
/// </summary>
internal sealed class ScaledProgress(IProgress<double> whole, double offset, double scale) : IProgress<double>
{
    /// <summary>The stage's progress, or null when nobody listens.</summary>
    public static IProgress<double>? Of(IProgress<double>? whole, double offset, double scale) =>
        whole is null ? null : new ScaledProgress(whole, offset, scale);

    /// <inheritdoc />
    public void Report(double value) => whole.Report(offset + scale * value);
}
