using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Properties.Annealing.EstimatorResults;

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
        Valid(Paths.Tempered(Model, Beta, b => HeatBathGibbs.BuildKernel(Model, b, ScanOrder.Systematic)));

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
