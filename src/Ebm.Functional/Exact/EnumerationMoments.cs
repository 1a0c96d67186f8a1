using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Running Boltzmann-weighted moments of the energy and the magnetisation at one beta, in log space.
/// </summary>
/// <remarks>
/// <para>Each state adds the weight exp(l - a), l = -beta E, where a is the running maximum of l; when a
/// grows, the sums held so far are rescaled by exp(a_old - a_new) &lt;= 1, so no exponential ever
/// exceeds 1 and log Z = a + log(sum of weights). A state whose weight underflows to 0 adds nothing (its
/// energy may be 1e308 away from the others, and 0 times an infinite deviation would be NaN); when a rescale
/// sends every weight held so far to 0, the sums restart from the new state. The energy mean and the
/// weighted sum of squared deviations follow West's (1979) weighted form of Welford's update, and two
/// partial results merge with the pairwise formula of Chan, Golub and LeVeque (1979); neither subtracts
/// two large sums, so Var(E) keeps its relative accuracy even when it is tiny next to U^2.</para>
/// <para>The entropy S = log Z + beta U = log W - &lt;l - a&gt; (W the sum of the relative weights) is kept in
/// that form: &lt;l - a&gt; is the weighted mean of numbers in (-746, 0] (a weight exp(l - a) &gt; 0 needs
/// l - a &gt; -746), so S is a sum of two bounded terms and stays accurate where beta U and log Z are both
/// of order 1e200 and cancel. The same numbers l - a give Var(beta E) = C directly, the fallback for
/// <see cref="ExactThermodynamics.HeatCapacity(double, double, double, double)"/> where Var(E) underflows. The magnetisation M takes integer values |M| &lt;= n, so its moments are plain
/// weighted sums.</para>
/// </remarks>
internal struct EnumerationMoments
{
    private double _logShift;
    private double _weight;
    private double _energyMean;
    private double _energySquaredDeviations;
    private double _relativeLogWeightMean;
    private double _relativeSquaredDeviations;
    private double _magnetisation;
    private double _magnetisationSquare;
    private double _magnetisationAbsolute;
    private double _magnetisationFourth;

    /// <summary>An empty accumulator at inverse temperature <paramref name="beta"/>.</summary>
    public EnumerationMoments(double beta)
    {
        Beta = beta;
        _logShift = double.NegativeInfinity;
    }

    public double Beta { get; }

    /// <summary>True when some state's energy was not a finite number (the model's energy overflowed).</summary>
    public bool SawNonFiniteEnergy { get; private set; }

    /// <summary>Adds one state with energy <paramref name="energy"/> and magnetisation <paramref name="magnetisation"/>.</summary>
    public void Add(double energy, double magnetisation)
    {
        if (!double.IsFinite(energy))
        {
            SawNonFiniteEnergy = true;
            return;
        }

        var logWeight = -Beta * energy;
        if (logWeight > _logShift) Shift(logWeight);
        var weight = Math.Exp(logWeight - _logShift);
        if (weight == 0.0 || double.IsNaN(weight)) return;

        _weight += weight;
        var fraction = weight / _weight;
        var previousMean = _energyMean;
        _energyMean = MoveTowards(_energyMean, energy, fraction);
        _energySquaredDeviations += weight * (energy - previousMean) * (energy - _energyMean);
        var relative = logWeight - _logShift;
        var previousRelativeMean = _relativeLogWeightMean;
        _relativeLogWeightMean += (relative - previousRelativeMean) * fraction;
        _relativeSquaredDeviations += weight * (relative - previousRelativeMean) * (relative - _relativeLogWeightMean);

        var square = magnetisation * magnetisation;
        _magnetisation += weight * magnetisation;
        _magnetisationSquare += weight * square;
        _magnetisationAbsolute += weight * Math.Abs(magnetisation);
        _magnetisationFourth += weight * square * square;
    }

    /// <summary>The moments of the union of the states behind <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static EnumerationMoments Combine(EnumerationMoments first, EnumerationMoments second)
    {
        var nonFinite = first.SawNonFiniteEnergy || second.SawNonFiniteEnergy;
        var shift = Math.Max(first._logShift, second._logShift);
        if (first._weight > 0) first.Shift(shift);
        if (second._weight > 0) second.Shift(shift);
        if (!(second._weight > 0)) return first with { SawNonFiniteEnergy = nonFinite };
        if (!(first._weight > 0)) return second with { SawNonFiniteEnergy = nonFinite };
        var weight = first._weight + second._weight;
        var fraction = second._weight / weight;
        var meanGap = second._energyMean - first._energyMean;
        var relativeGap = second._relativeLogWeightMean - first._relativeLogWeightMean;
        return first with
        {
            SawNonFiniteEnergy = nonFinite,
            _weight = weight,
            _energyMean = MoveTowards(first._energyMean, second._energyMean, fraction),
            _energySquaredDeviations = first._energySquaredDeviations + second._energySquaredDeviations +
                                       meanGap * meanGap * (first._weight * fraction),
            _relativeLogWeightMean = first._relativeLogWeightMean + relativeGap * fraction,
            _relativeSquaredDeviations = first._relativeSquaredDeviations + second._relativeSquaredDeviations +
                                         relativeGap * relativeGap * (first._weight * fraction),
            _magnetisation = first._magnetisation + second._magnetisation,
            _magnetisationSquare = first._magnetisationSquare + second._magnetisationSquare,
            _magnetisationAbsolute = first._magnetisationAbsolute + second._magnetisationAbsolute,
            _magnetisationFourth = first._magnetisationFourth + second._magnetisationFourth,
        };
    }

    /// <summary>log Z, U, Var(E), S and the magnetisation moments of everything added.</summary>
    public readonly ExactResult ToResult()
    {
        // West's update adds w (E - mean_old)(E - mean_new) >= 0, but rounding can make a term a hair negative
        // where Var(E) is exponentially small; the true values are >= 0.
        var variance = Math.Max(0.0, _energySquaredDeviations / _weight);
        return new ExactResult(
            Enumeration.MethodName,
            Beta,
            _logShift + Math.Log(_weight),
            _energyMean,
            variance,
            Some(new MagnetisationMoments(
                _magnetisation / _weight,
                _magnetisationSquare / _weight,
                Some(_magnetisationAbsolute / _weight),
                Some(_magnetisationFourth / _weight))))
        {
            Entropy = Math.Log(_weight) - _relativeLogWeightMean,
            HeatCapacity = ExactThermodynamics.HeatCapacity(Beta, variance, Math.Max(0.0, _relativeSquaredDeviations / _weight), _logShift),
        };
    }

    /// <summary>
    /// from + fraction (to - from) for a fraction in [0, 1]: the Welford step, or, where to - from overflows
    /// (energies of both signs near 1e308), the same point as a convex combination.
    /// </summary>
    private static double MoveTowards(double from, double to, double fraction)
    {
        var gap = to - from;
        return double.IsFinite(gap) ? from + gap * fraction : from * (1.0 - fraction) + to * fraction;
    }

    /// <summary>Raises the log shift to <paramref name="logShift"/>, rescaling the sums; restarts them when all would underflow.</summary>
    private void Shift(double logShift)
    {
        if (logShift == _logShift) return;
        var gap = logShift - _logShift;
        var factor = Math.Exp(-gap);
        _logShift = logShift;
        if (!(_weight * factor > 0))
        {
            _weight = _energyMean = _energySquaredDeviations = _relativeLogWeightMean = _relativeSquaredDeviations = 0.0;
            _magnetisation = _magnetisationSquare = _magnetisationAbsolute = _magnetisationFourth = 0.0;
            return;
        }

        _weight *= factor;
        _energySquaredDeviations *= factor;
        _relativeSquaredDeviations *= factor;
        _relativeLogWeightMean -= gap;
        _magnetisation *= factor;
        _magnetisationSquare *= factor;
        _magnetisationAbsolute *= factor;
        _magnetisationFourth *= factor;
    }
}
