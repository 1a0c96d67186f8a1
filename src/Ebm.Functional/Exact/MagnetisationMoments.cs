using LanguageExt;

namespace Ebm.Functional.Exact;

/// <summary>
/// Moments of the total magnetisation M = sum_i s_i under p_beta.
/// </summary>
/// <param name="Mean">&lt;M&gt;.</param>
/// <param name="MeanSquare">&lt;M^2&gt;.</param>
/// <param name="MeanAbsolute">&lt;|M|&gt; where the method gives it.</param>
/// <param name="MeanFourth">&lt;M^4&gt; where the method gives it.</param>
public sealed record MagnetisationMoments(double Mean, double MeanSquare, Option<double> MeanAbsolute, Option<double> MeanFourth)
{
    /// <summary>Susceptibility per unit of beta: chi / beta = &lt;M^2&gt; - &lt;M&gt;^2.</summary>
    public double Variance => MeanSquare - Mean * Mean;
}
