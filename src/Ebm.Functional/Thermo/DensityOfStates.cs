using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// A density of states: the distinct energies E_k of a model, increasing, with ln g(E_k), the log of the number of states
/// of energy E_k, normalised so that sum_k g(E_k) = q^N, the number of states; from Wang-Landau sampling
/// (<see cref="WangLandau.Run"/>, with error bars) or exact counting (<see cref="Exact"/>, errors 0).
/// </summary>
/// <remarks>
/// Z(beta) = sum_k g(E_k) e^(-beta E_k) at every beta from one density (see <see cref="Thermodynamics"/>).
/// </remarks>
/// <param name="Method">"wang-landau" or "exact".</param>
/// <param name="Energies">The distinct energies E_k, increasing.</param>
/// <param name="LogG">ln g(E_k).</param>
/// <param name="LogGError">The standard error of ln g(E_k) from the walkers' spread; 0 when exact, NaN for an energy only one walker found.</param>
/// <param name="LogStates">ln of the number of states, N ln q: ln sum_k g(E_k).</param>
/// <param name="Walkers">Independent walkers combined (0 when exact).</param>
/// <param name="Sweeps">Sweeps of all walkers together (0 when exact).</param>
/// <param name="WalkerLogG">Each walker's normalised ln g (one row per walker, -infinity at an energy it never visited); None when exact.</param>
public sealed partial record DensityOfStates(
    string Method,
    Vec Energies,
    Vec LogG,
    Vec LogGError,
    double LogStates,
    int Walkers,
    long Sweeps,
    Option<Mat> WalkerLogG)
{
    /// <summary>
    /// log Z, U, F, S and C at every beta of <paramref name="betas"/> (any finite beta, negative included): with
    /// p_k = g(E_k) e^(-beta E_k) / Z, log Z = ln sum_k g(E_k) e^(-beta E_k), U = sum_k p_k E_k, C = beta^2 sum_k p_k (E_k - U)^2,
    /// F = -log Z / beta, S = beta U + log Z. Errors are the standard errors of each walker's value (sample standard
    /// deviation / sqrt walkers), 0 for an exact density. Method "wang-landau" or "exact"; no order moments.
    /// </summary>
    public Fin<Seq<ThermoPoint>> Thermodynamics(IReadOnlyList<double> betas)
    {
        ArgumentNullException.ThrowIfNull(betas);
        foreach (var beta in betas)
        {
            if (!double.IsFinite(beta)) return WangLandauErrors.InvalidBeta(beta);
        }

        return betas.Select(Point).ToSeq().Strict();
    }

    /// <summary>
    /// The index of the level at <paramref name="energy"/>, within 1e-9 of the spectrum's scale (so that an exact -0.5
    /// finds the -0.49999999999999978 of a sum of cosines), or None.
    /// </summary>
    public Option<int> LevelOf(double energy)
    {
        var span = Energies.Span;
        if (span.Length == 0) return None;
        var tolerance = 1e-9 * Math.Max(1.0, Math.Max(Math.Abs(span[0]), Math.Abs(span[^1])));
        var index = span.BinarySearch(energy);
        if (index >= 0) return Some(index);
        var above = ~index;
        var nearest = above == span.Length || (above > 0 && energy - span[above - 1] < span[above] - energy) ? above - 1 : above;
        return Math.Abs(span[nearest] - energy) <= tolerance ? Some(nearest) : None;
    }

    private ThermoPoint Point(double beta)
    {
        var central = Quantities(LogG.Span, beta);
        var spread = WalkerLogG.Map(rows => Enumerable.Range(0, rows.Rows).Select(r => Quantities(rows.Row(r), beta)).ToArray());
        Measured Of(Func<(double LogZ, double U, double F, double S, double C), double> pick) =>
            new(pick(central), spread.Match(values => WangLandau.StandardError(values.Select(pick).ToArray()), () => 0.0));
        var freeEnergy = beta == 0 ? Measured.Exact(central.F) : Of(q => q.F);
        return new ThermoPoint(Method, beta, Of(q => q.LogZ), Of(q => q.U), freeEnergy, Of(q => q.S), Of(q => q.C), None, None);
    }

    private (double LogZ, double U, double F, double S, double C) Quantities(ReadOnlySpan<double> logG, double beta)
    {
        var energies = Energies.Span;
        var high = double.NegativeInfinity;
        for (var k = 0; k < logG.Length; k++) high = Math.Max(high, logG[k] - beta * energies[k]);
        double weight = 0, first = 0;
        for (var k = 0; k < logG.Length; k++)
        {
            var p = Math.Exp(logG[k] - beta * energies[k] - high);
            weight += p;
            first += p * energies[k];
        }

        var mean = first / weight;
        var second = 0.0;
        for (var k = 0; k < logG.Length; k++) second += Math.Exp(logG[k] - beta * energies[k] - high) * (energies[k] - mean) * (energies[k] - mean);
        var logZ = high + Math.Log(weight);
        return (logZ, mean, -logZ / beta, beta * mean + logZ, beta * beta * second / weight);
    }
}
