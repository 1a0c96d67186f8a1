using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// Training the two parameters (J, h) of a homogeneous <see cref="IsingModel"/> from spin samples: its layout, exact
/// maximum likelihood, PCD and pseudolikelihood.
/// </summary>
/// <remarks>
/// <para>E(s) = -J B(s) - h M(s) with B the bond sum and M the magnetisation, so at beta = 1 the loss
/// -(1/N) sum_r log p(s_r) has gradient (&lt;B&gt;_model - &lt;B&gt;_data, &lt;M&gt;_model - &lt;M&gt;_data): maximum likelihood matches the
/// mean bond correlation and magnetisation of the data. A model at inverse temperature beta is the model with
/// (beta J, beta h) at beta = 1, so training recovers beta J and beta h. The lattice shape and boundary are kept from
/// the model; to learn a coupling per bond, train a spin <see cref="BoltzmannMachine"/> (<see cref="InverseIsing"/>).</para>
/// </remarks>
public static partial class IsingTraining
{
    private const string Family = "ising";

    /// <summary>Most sites for which <see cref="ExactLikelihood"/> enumerates the lattice's states at every step (2^20 states).</summary>
    public const int MaxExactSites = Enumeration.MaxTableUnits;

    /// <summary>The layout (J, h); weight decay acts on J only.</summary>
    public static ModelParameters<IsingModel> Parameters { get; } = new(
        Family,
        model => Vec.Of(model.Coupling, model.Field),
        FromVector,
        _ => Vec.Of(1.0, 0.0));

    /// <summary>
    /// The exact average log-likelihood -(1/N) sum_r E(s_r) - log Z of the rows of <paramref name="data"/>, log Z by
    /// the fastest exact method (<see cref="LogPartition.Exact"/>: enumeration, the transfer matrix or Kaufman's torus).
    /// </summary>
    public static Fin<double> AverageLogLikelihood(IsingModel model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return from valid in CheckData(model, data)
               from exact in LogPartition.Exact(model, 1.0)
               select -MeanOf(model.Energies(valid).Span) - exact.LogZ;
    }

    /// <summary>
    /// Exact maximum likelihood: &lt;B&gt;_model and &lt;M&gt;_model summed over all 2^n states with their exact probabilities
    /// (energies from <see cref="Enumeration.Energies(IDiscreteModel, int)"/>), at most <see cref="MaxExactSites"/> sites; larger lattices are refused
    /// with <see cref="TrainingErrors.InvalidSetting"/> (use pseudolikelihood or PCD). Metric: "log-likelihood", the
    /// minibatch's exact average log-likelihood before the update.
    /// </summary>
    public static Objective<IsingModel> ExactLikelihood() =>
        new(
            "exact",
            (_, model) => CheckExactSize(model).Map(_ => Seq<Mat>()),
            (_, model, _, batch) =>
                from size in CheckExactSize(model)
                from data in CheckData(model, batch)
                from energies in Enumeration.Energies(model, maxDegreeOfParallelism: 1)
                let logZ = BoltzmannTraining.LogPartitionOf(energies.Span)
                let dataTerm = model.MeanParameterGradient(data)
                let modelTerm = ModelMoments(model, energies.Span, logZ)
                select new ObjectiveResult(
                    Vec.Of(dataTerm.Coupling - modelTerm.Coupling, dataTerm.Field - modelTerm.Field),
                    Seq<Mat>(),
                    Seq1(new Metric(BoltzmannTraining.LogLikelihoodMetric, -MeanOf(model.Energies(data).Span) - logZ))));

    /// <summary>Succeeds when every row has one spin per site, each -1 or +1.</summary>
    internal static Fin<Mat> CheckData(IsingModel model, Mat data) =>
        BoltzmannTraining.CheckData(Family, model.Dimension, StateConvention.Spin, data);

    private static Fin<IsingModel> FromVector(IsingModel model, Vec values) =>
        values.Length != 2
            ? FinFail<IsingModel>(TrainingErrors.ParameterLength(Family, 2, values.Length))
            : IsingModel.Create(model.Rows, model.Columns, values[0], values[1], model.Boundary)
                .Match(FinSucc, errors => FinFail<IsingModel>(Error.Many(errors)));

    private static Fin<int> CheckExactSize(IsingModel model) =>
        model.Dimension <= MaxExactSites
            ? FinSucc(model.Dimension)
            : FinFail<int>(TrainingErrors.InvalidSetting("exact likelihood", $"the lattice has {model.Dimension} sites; enumerating 2^n states per step is limited to n <= {MaxExactSites}: use pl or pcd"));

    /// <summary>&lt;dE/dJ&gt; = -&lt;B&gt; and &lt;dE/dh&gt; = -&lt;M&gt; under the model, state index x holding spin i up when bit i is set.</summary>
    private static IsingGradient ModelMoments(IsingModel model, ReadOnlySpan<double> energies, double logZ)
    {
        var n = model.Dimension;
        var state = new double[n];
        double bonds = 0, spins = 0;
        for (var x = 0; x < energies.Length; x++)
        {
            var probability = Math.Exp(-energies[x] - logZ);
            if (probability == 0.0) continue;
            for (var i = 0; i < n; i++) state[i] = ((x >> i) & 1) == 1 ? 1.0 : -1.0;
            var gradient = model.ParameterGradient(state);
            bonds += probability * gradient.Coupling;
            spins += probability * gradient.Field;
        }

        return new IsingGradient(bonds, spins);
    }

    private static double MeanOf(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }
}
