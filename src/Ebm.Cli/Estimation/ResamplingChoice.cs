using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;

namespace Ebm.Cli.Estimation;

/// <summary>The --resampling words.</summary>
internal static class ResamplingChoice
{
    /// <summary>Every scheme's name.</summary>
    public static readonly string[] Names = ["multinomial", "systematic", "stratified", "residual"];

    /// <summary>The scheme called <paramref name="name"/> (one of <see cref="Names"/>).</summary>
    public static ResamplingScheme Parse(string name) => name switch
    {
        "multinomial" => ResamplingScheme.Multinomial,
        "stratified" => ResamplingScheme.Stratified,
        "residual" => ResamplingScheme.Residual,
        _ => ResamplingScheme.Systematic,
    };
}
