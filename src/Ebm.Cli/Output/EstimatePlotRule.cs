using LanguageExt.Common;

namespace Ebm.Cli.Output;

/// <summary>
/// When <c>ebm logz --plot</c> applies: the plot draws one estimator's log weights and running estimate, so an
/// exact method (which has neither) and <c>--compare</c> (many estimators) refuse it rather than silently
/// writing nothing.
/// </summary>
internal static class EstimatePlotRule
{
    /// <summary>The error for a --plot that would draw nothing; none when no plot was asked for or it applies.</summary>
    public static IEnumerable<Error> Check(string? plot, string method, bool compare)
    {
        if (plot is null) yield break;
        if (compare) yield return CliErrors.InvalidOption("--plot", "draws one estimator's run; it does not apply to --compare");
        else if (method == "exact")
            yield return CliErrors.InvalidOption("--plot", "draws an estimator's weights and running estimate; --method exact has neither " +
                                                           "(use --method ais or another estimator, or ebm thermo --plot for exact curves)");
    }
}
