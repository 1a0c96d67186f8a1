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

    /// <summary>Most sites for which <see cref="ExactLikelihood()"/> sums over the 2^n states at every step (2^20 states).</summary>
    public const int MaxEnumeratedSites = Enumeration.MaxTableUnits;

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
    /// Exact maximum likelihood: the model term (&lt;B&gt;, &lt;M&gt;) exactly, so the step is the true gradient of the
    /// minibatch's negative average log-likelihood. Metric: "log-likelihood", the minibatch's exact average
    /// log-likelihood before the update.
    /// </summary>
    /// <remarks>
    /// Up to <see cref="MaxEnumeratedSites"/> sites the moments are summed over all 2^n states. Larger lattices use
    /// <see cref="LogPartition.Exact"/> (the transfer matrix, or Kaufman's torus at h = 0): U = -J &lt;B&gt; - h &lt;M&gt;, so
    /// &lt;B&gt; = -(U + h &lt;M&gt;) / J, with &lt;M&gt; from the method's magnetisation moments (0 by symmetry at h = 0); the
    /// division costs at most eps (|U| + |h M|) / |J| of absolute accuracy, and at J = 0 exactly the spins are
    /// independent: &lt;M&gt; = n tanh h and each bond term s_i s_j averages tanh^2 h (1 for a site bonded to itself). A
    /// lattice no exact method handles, or a field without exact magnetisation moments, is refused with
    /// <see cref="TrainingErrors.InvalidSetting"/> (use pseudolikelihood or PCD).
    /// </remarks>
    public static Objective<IsingModel> ExactLikelihood() => ExactLikelihood(MaxEnumeratedSites);

    /// <summary><see cref="ExactLikelihood()"/> enumerating up to <paramref name="maxEnumeratedSites"/> sites (tests compare the two paths).</summary>
    internal static Objective<IsingModel> ExactLikelihood(int maxEnumeratedSites) =>
        new(
            "exact",
            (_, model) => ExactMoments(model, maxEnumeratedSites).Map(_ => Seq<Mat>()),
            (_, model, _, batch) =>
                from data in CheckData(model, batch)
                from moments in ExactMoments(model, maxEnumeratedSites)
                let dataTerm = model.MeanParameterGradient(data)
                select new ObjectiveResult(
                    Vec.Of(dataTerm.Coupling + moments.Bonds, dataTerm.Field + moments.Spins),
                    Seq<Mat>(),
                    Seq1(new Metric(BoltzmannTraining.LogLikelihoodMetric, -MeanOf(model.Energies(data).Span) - moments.LogZ))));

    /// <summary>Succeeds when every row has one spin per site, each -1 or +1.</summary>
    internal static Fin<Mat> CheckData(IsingModel model, Mat data) =>
        BoltzmannTraining.CheckData(Family, model.Dimension, StateConvention.Spin, data);

    private static Fin<IsingModel> FromVector(IsingModel model, Vec values) =>
        values.Length != 2
            ? FinFail<IsingModel>(TrainingErrors.ParameterLength(Family, 2, values.Length))
            : IsingModel.Create(model.Rows, model.Columns, values[0], values[1], model.Boundary)
                .Match(FinSucc, errors => FinFail<IsingModel>(Error.Many(errors)));

    /// <summary>&lt;B&gt;, &lt;M&gt; and log Z of the model at beta = 1.</summary>
    private static Fin<(double Bonds, double Spins, double LogZ)> ExactMoments(IsingModel model, int maxEnumeratedSites)
    {
        if (model.Dimension <= maxEnumeratedSites)
            return Enumeration.Energies(model, maxDegreeOfParallelism: 1).Map(energies => EnumeratedMoments(model, energies.Span));
        if (model.Coupling == 0.0)
            return FinSucc(IndependentMoments(model));
        return LogPartition.Exact(model, 1.0).Match(
            Succ: exact => FromExact(model, exact),
            Fail: e => FinFail<(double, double, double)>(TrainingErrors.InvalidSetting(
                "exact likelihood", $"no exact method for this {model.Rows} x {model.Columns} lattice ({e.Message}): use pl or pcd")));
    }

    /// <summary>&lt;B&gt; = -(U + h &lt;M&gt;) / J from an exact result of a lattice with J != 0.</summary>
    private static Fin<(double Bonds, double Spins, double LogZ)> FromExact(IsingModel model, ExactResult exact)
    {
        var spins = exact.Magnetisation.Map(m => m.Mean);
        if (spins.IsNone && model.Field != 0.0)
            return FinFail<(double, double, double)>(TrainingErrors.InvalidSetting(
                "exact likelihood", $"the {exact.Method} method gives no magnetisation for a lattice with a field: use pl or pcd"));
        var mean = spins.IfNone(0.0);
        return FinSucc((-(exact.MeanEnergy + model.Field * mean) / model.Coupling, mean, exact.LogZ));
    }

    /// <summary>The moments summed over all states, state index x holding spin i up when bit i is set.</summary>
    private static (double Bonds, double Spins, double LogZ) EnumeratedMoments(IsingModel model, ReadOnlySpan<double> energies)
    {
        var logZ = BoltzmannTraining.LogPartitionOf(energies);
        var n = model.Dimension;
        var state = new double[n];
        double bonds = 0, spins = 0;
        for (var x = 0; x < energies.Length; x++)
        {
            var probability = Math.Exp(-energies[x] - logZ);
            if (probability == 0.0) continue;
            for (var i = 0; i < n; i++) state[i] = ((x >> i) & 1) == 1 ? 1.0 : -1.0;
            bonds += probability * model.BondCorrelation(state);
            spins += probability * model.Magnetisation(state);
        }

        return (bonds, spins, logZ);
    }

    /// <summary>
    /// J = 0: independent spins with &lt;s&gt; = tanh h and log Z = n log(2 cosh h); each site's right and down bond term
    /// averages tanh^2 h, or 1 where a periodic side of length 1 bonds the site to itself.
    /// </summary>
    private static (double Bonds, double Spins, double LogZ) IndependentMoments(IsingModel model)
    {
        var periodic = model.Boundary == Boundary.Periodic;
        var mean = Math.Tanh(model.Field);
        double Terms(int along, int across) =>
            across * (periodic ? along : along - 1) * (periodic && along == 1 ? 1.0 : mean * mean);
        var bonds = Terms(model.Columns, model.Rows) + Terms(model.Rows, model.Columns);
        var logCosh = Math.Abs(model.Field) + LogSpace.Log1p(Math.Exp(-2 * Math.Abs(model.Field))) - Math.Log(2.0);
        return (bonds, model.Dimension * mean, model.Dimension * (Math.Log(2.0) + logCosh));
    }

    private static double MeanOf(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }
}
