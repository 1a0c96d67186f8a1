using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Which scalars of the state are diagnosed beside the energy, per model family, and their values over a batch of
/// chains. The energy alone misses chains that sit in different modes of equal energy (a symmetric double well:
/// three chains at x ≈ +0.96 and one at -0.95 give R-hat(E) = 1.009 and R-hat(x) = 1.53), so every report also
/// diagnoses a few summaries of the state itself.
/// </summary>
/// <remarks>
/// <para>Continuous models: each coordinate x_i when d ≤ <see cref="Limit"/>; beyond it, the means of
/// <see cref="Limit"/> contiguous blocks of coordinates, so every coordinate is seen (the first 16 coordinates of
/// an image-shaped model are corner pixels, which say nothing) while the cost stays at 16 traces.</para>
/// <para>Ising lattices: the magnetisation m = (1/d) Σ s_i, the order parameter; the sites are equivalent by
/// translation symmetry, so single spins add nothing. |m| needs no trace of its own: the rank-normalised R-hat is
/// the larger of the bulk R-hat of m and the folded R-hat, the R-hat of |m - median(m)|, which is |m| whenever the
/// chains are spread over both phases. At zero field E(-s) = E(s), so the energy cannot tell the phases apart and
/// the exact mean of m is 0 (<see cref="Observable.ZeroMeanBySymmetry"/>).</para>
/// <para>Potts and clock lattices: the vector magnetisation per unit, m_x (along state 0) and |m|, since a unit's value is a label.</para>
/// <para>Boltzmann machines: the mean state (m for spins, symmetric when every bias is 0; the mean activity for
/// 0/1 units), then the units as for continuous models, since arbitrary couplings make each unit's mean a first
/// moment of its own.</para>
/// <para>RBMs (Bernoulli and Gaussian-Bernoulli, joint state [v, h]): the visible units as for continuous models
/// (each unit up to 16, else 16 block means: for image data a block is a band of pixels, and two modes, two digits
/// say, differ in which bands are on), and the mean hidden activity.</para>
/// <para>Memory: one trace of chains x kept steps doubles per observable, at most <see cref="Limit"/> + 1 of them.</para>
/// </remarks>
public static class Observables
{
    /// <summary>Most coordinates or units diagnosed one by one; beyond it, this many block means.</summary>
    public const int Limit = 16;

    /// <summary>The observables diagnosed for <paramref name="model"/>, in report order.</summary>
    /// <example>A 2-D double well gives x0, x1; a 4 x 4 Ising lattice gives m; a 784 x 64 RBM gives 16 block means and mean(x784..x847).</example>
    public static Seq<Observable> For(IEnergyModel model) => model switch
    {
        IsingModel ising => Seq1(new Observable("m", Mean, ising.Field == 0.0)),
        BoltzmannMachine machine => (machine.Dimension > 1 ? Seq1(OverallMean(machine)) : Seq<Observable>()) + Units(0, machine.Dimension),
        BernoulliRbm rbm => Units(0, rbm.Visible) + Seq1(Block(rbm.Visible, rbm.Hidden)),
        GaussianBernoulliRbm rbm => Units(0, rbm.Visible) + Seq1(Block(rbm.Visible, rbm.Hidden)),
        PottsModel potts => Categorical(potts.Levels, potts.Field),
        ClockModel clock => Categorical(clock.Levels, clock.Field),
        _ => Units(0, model.Dimension),
    };

    /// <summary>Chains x observables: entry (c, j) is observable j at row c of <paramref name="states"/>.</summary>
    public static Mat Evaluate(Seq<Observable> observables, Mat states)
    {
        var list = observables.ToArray();
        return Mat.Create(states.Rows, list.Length, values =>
        {
            for (var c = 0; c < states.Rows; c++)
                for (var j = 0; j < list.Length; j++)
                    values[c * list.Length + j] = list[j].Value(states.Row(c));
        });
    }

    private static double Mean(ReadOnlySpan<double> state) => DrawsCheck.Mean(state);

    /// <summary>
    /// Potts and clock lattices, whose units are labels: the per-unit vector magnetisation m = (1/N) sum_i (cos, sin)(2 pi s_i / q),
    /// as its component m_x along state 0 (mean 0 by symmetry at h = 0) and its length |m|.
    /// </summary>
    private static Seq<Observable> Categorical(int levels, double field)
    {
        (double X, double Y) Components(ReadOnlySpan<double> state)
        {
            double x = 0, y = 0;
            foreach (var s in state)
            {
                x += Math.Cos(2 * Math.PI * s / levels);
                y += Math.Sin(2 * Math.PI * s / levels);
            }

            return (x / state.Length, y / state.Length);
        }

        return Seq(
            new Observable("m_x", state => Components(state).X, field == 0.0),
            new Observable("|m|", state =>
            {
                var (x, y) = Components(state);
                return Math.Sqrt(x * x + y * y);
            }));
    }

    private static Observable OverallMean(BoltzmannMachine machine) =>
        machine.States == StateConvention.Spin
            ? new Observable("m", Mean, machine.Biases.Span.ToArray().All(b => b == 0.0))
            : new Observable("mean(x)", Mean);

    /// <summary>Each of <paramref name="count"/> units from <paramref name="offset"/> when they are at most <see cref="Limit"/>, else <see cref="Limit"/> block means.</summary>
    private static Seq<Observable> Units(int offset, int count) =>
        count <= Limit
            ? Enumerable.Range(offset, count).Select(i => new Observable($"x{i}", state => state[i])).ToSeq()
            : Enumerable.Range(0, Limit)
                .Select(b => Block(offset + (int)((long)b * count / Limit), (int)((long)(b + 1) * count / Limit - (long)b * count / Limit)))
                .ToSeq();

    private static Observable Block(int offset, int count) =>
        count == 1
            ? new Observable($"x{offset}", state => state[offset])
            : new Observable($"mean(x{offset}..x{offset + count - 1})", state => DrawsCheck.Mean(state.Slice(offset, count)));
}
