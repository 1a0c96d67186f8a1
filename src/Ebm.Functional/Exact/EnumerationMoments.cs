using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Running Boltzmann-weighted moments of the energy and the magnetisation at one beta, in log space.
/// </summary>
/// <remarks>
/// Each state adds the weight exp(-beta E - a) where a is the running maximum of -beta E; when a
/// grows, the sums held so far are rescaled by exp(a_old - a_new) &lt;= 1, so no exponential ever
/// exceeds 1 and log Z = a + log(sum of weights). The energy mean and the weighted sum of squared
/// deviations follow West's (1979) weighted form of Welford's update, and two partial results merge
/// with the pairwise formula of Chan, Golub and LeVeque (1979); neither subtracts two large sums, so
/// Var(E) keeps its relative accuracy even when it is tiny next to U^2. The magnetisation M takes
/// integer values |M| &lt;= n, so its moments are plain weighted sums.
/// </remarks>
internal struct EnumerationMoments
{
    private double _logShift;
    private double _weight;
    private double _energyMean;
    private double _energySquaredDeviations;
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

    /// <summary>Adds one state with energy <paramref name="energy"/> and magnetisation <paramref name="magnetisation"/>.</summary>
    public void Add(double energy, double magnetisation)
    {
        var logWeight = -Beta * energy;
        double weight;
        if (logWeight > _logShift)
        {
            Rescale(Math.Exp(_logShift - logWeight));
            _logShift = logWeight;
            weight = 1.0;
        }
        else
        {
            weight = Math.Exp(logWeight - _logShift);
        }

        _weight += weight;
        var deviation = energy - _energyMean;
        _energyMean += deviation * (weight / _weight);
        _energySquaredDeviations += weight * deviation * (energy - _energyMean);

        var square = magnetisation * magnetisation;
        _magnetisation += weight * magnetisation;
        _magnetisationSquare += weight * square;
        _magnetisationAbsolute += weight * Math.Abs(magnetisation);
        _magnetisationFourth += weight * square * square;
    }

    /// <summary>The moments of the union of the states behind <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static EnumerationMoments Combine(EnumerationMoments first, EnumerationMoments second)
    {
        if (second._weight == 0.0) return first;
        if (first._weight == 0.0) return second;
        var shift = Math.Max(first._logShift, second._logShift);
        first.Rescale(Math.Exp(first._logShift - shift));
        second.Rescale(Math.Exp(second._logShift - shift));
        var weight = first._weight + second._weight;
        var meanGap = second._energyMean - first._energyMean;
        return first with
        {
            _logShift = shift,
            _weight = weight,
            _energyMean = first._energyMean + meanGap * (second._weight / weight),
            _energySquaredDeviations = first._energySquaredDeviations + second._energySquaredDeviations +
                                       meanGap * meanGap * (first._weight * (second._weight / weight)),
            _magnetisation = first._magnetisation + second._magnetisation,
            _magnetisationSquare = first._magnetisationSquare + second._magnetisationSquare,
            _magnetisationAbsolute = first._magnetisationAbsolute + second._magnetisationAbsolute,
            _magnetisationFourth = first._magnetisationFourth + second._magnetisationFourth,
        };
    }

    /// <summary>log Z, U, Var(E) and the magnetisation moments of everything added.</summary>
    public readonly ExactResult ToResult() =>
        new(Enumeration.MethodName,
            Beta,
            _logShift + Math.Log(_weight),
            _energyMean,
            _energySquaredDeviations / _weight,
            Some(new MagnetisationMoments(
                _magnetisation / _weight,
                _magnetisationSquare / _weight,
                Some(_magnetisationAbsolute / _weight),
                Some(_magnetisationFourth / _weight))));

    private void Rescale(double factor)
    {
        _weight *= factor;
        _energySquaredDeviations *= factor;
        _magnetisation *= factor;
        _magnetisationSquare *= factor;
        _magnetisationAbsolute *= factor;
        _magnetisationFourth *= factor;
    }
}
