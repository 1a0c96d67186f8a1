using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// A tiny tempered path for exact laws: a Boltzmann machine of 2 or 3 units, a target beta, a strictly
/// increasing schedule of 2 or 3 steps, a particle count of 2 or 3 (the state space of all particles has at
/// most 64 configurations, at most 16 with 3 steps), a resampling scheme and threshold.
/// </summary>
public sealed record SmcExactCase(
    IDiscreteModel Model, double Beta, double[] Points, int Particles, ResamplingScheme Scheme, double Threshold, string Description)
{
    /// <summary>Number of states of one particle.</summary>
    public int States => 1 << Model.Dimension;

    /// <summary>The tempered path from uniform, its kernel heat-bath Gibbs in systematic scan.</summary>
    public AnnealingPath<DiscreteChains> Path() =>
        Paths.Tempered(Model, Beta, b => HeatBathGibbs.BuildKernel(Model, b, ScanOrder.Systematic));

    /// <summary>Every state of one particle, row x = sum_i 2^i [unit i high].</summary>
    public DiscreteChains AllStates()
    {
        var low = Model.States == StateConvention.Spin ? -1.0 : 0.0;
        var states = Mat.Create(States, Model.Dimension, d =>
        {
            for (var x = 0; x < States; x++)
                for (var i = 0; i < Model.Dimension; i++) d[x * Model.Dimension + i] = ((x >> i) & 1) == 1 ? 1.0 : low;
        });
        return new DiscreteChains(states, Model.Energies(states));
    }

    /// <summary>Z_1 / Z_0 exactly: Z(beta) by enumeration over the uniform base's 2^n.</summary>
    public double ExactRatio() =>
        Math.Exp(Enumeration.Compute(Model, Beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message)) - Model.Dimension * Math.Log(2.0));

    /// <summary>Every configuration of <paramref name="particles"/> particles over <paramref name="states"/> states.</summary>
    public static IEnumerable<int[]> Configurations(int states, int particles)
    {
        var total = (int)Math.Pow(states, particles);
        for (var c = 0; c < total; c++)
        {
            var config = new int[particles];
            var rest = c;
            for (var i = 0; i < particles; i++)
            {
                config[i] = rest % states;
                rest /= states;
            }

            yield return config;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Description} beta={Beta} t=[{string.Join(", ", Points)}] N={Particles} {Scheme} threshold={Threshold}";
}

/// <summary>Generators of <see cref="SmcExactCase"/>.</summary>
public static class SmcExactArbitrary
{
    /// <summary>Machines of 2 or 3 units, at most 64 configurations of all particles (at most 16 with 3 steps).</summary>
    public static Arbitrary<SmcExactCase> Case() => Arb.From(Cases(
        BoltzmannArbitrary.Cases(3, 1.5).Where(c => c.Model.Dimension >= 2),
        (configurations, _, steps) => configurations <= 64 && (steps == 2 || configurations <= 16)));

    /// <summary>
    /// Cases over <paramref name="machines"/>: beta in [0.1, 2], 2 or 3 particles, 2 or 3 steps at <see cref="Points"/>, every
    /// resampling scheme, the threshold 0 (never resample), 0.5 or 1 (always); kept where <paramref name="fits"/> accepts
    /// (the number S^N of configurations of all N particles, N, the number of steps).
    /// </summary>
    public static Gen<SmcExactCase> Cases(Gen<BoltzmannCase> machines, Func<double, int, int, bool> fits) =>
        from machine in machines
        from beta in Gen.Choose(100, 2000)
        from particles in Gen.Choose(2, 3)
        from steps in Gen.Choose(2, 3)
        from points in Points(steps)
        from scheme in Gen.Elements(Enum.GetValues<ResamplingScheme>())
        from threshold in Gen.Elements(0.0, 0.5, 1.0)
        where fits(Math.Pow(1 << machine.Model.Dimension, particles), particles, steps)
        select new SmcExactCase(machine.Model, beta / 1000.0, points, particles, scheme, threshold, machine.ToString());

    /// <summary>A schedule of <paramref name="steps"/> steps: 0, then distinct multiples of 1/1000 in increasing order, then 1.</summary>
    public static Gen<double[]> Points(int steps) =>
        from cuts in Gen.ArrayOf(Gen.Choose(1, 999), steps - 1)
        where cuts.Distinct().Count() == cuts.Length
        select (double[])[0.0, .. cuts.Order().Select(c => c / 1000.0), 1.0];
}
