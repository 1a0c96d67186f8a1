using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

public static partial class ThermoSweep
{
    /// <summary>The method name of <see cref="Annealed"/>'s points.</summary>
    public const string AnnealedMethod = "ais";

    /// <summary>
    /// Thermodynamics at every beta of the grid by annealed importance sampling (Neal 2001, Statistics and Computing 11,
    /// 125) from beta = 0, where the particles are drawn exactly (uniform states) and log Z(0) = N log q (q = 2 for binary
    /// units, the number of values for a Potts or clock lattice, whose units are drawn uniformly over 0..q-1).
    /// </summary>
    /// <remarks>
    /// <para>The path visits <see cref="Rungs"/>(grid), each interval cut into <see cref="AnnealedSettings.Substeps"/> equal
    /// steps; at each step beta_{t-1} -&gt; beta_t every particle's log weight gains -(beta_t - beta_{t-1}) E(x), then the
    /// kernel at beta_t moves it (checkerboard Metropolis for Ising lattices, multi-spin coded where the lattice allows it
    /// (<see cref="IsingKernel"/>), the heat-bath checkerboard over the q values
    /// for Potts and clock lattices, a systematic heat-bath sweep otherwise).
    /// At a grid point, log Z = log Z(0) + log mean w, with the delta-method error sqrt(Var w / (P mean(w)^2)); U, C and
    /// the order moments are self-normalised weighted averages over the particles, with errors
    /// sqrt(sum w_i^2 psi_i^2) / sum w_i for each quantity's influence psi (e.g. E - U for U). The particles are
    /// independent, so the errors are honest while the weights are not dominated by a few particles; too few substeps
    /// make them so.</para>
    /// <para>Keys: starting states from key.FoldIn(0), the kernel at step t from key.FoldIn(1).FoldIn(t).</para>
    /// </remarks>
    /// <param name="key">The key.</param>
    /// <param name="model">An Ising, Potts or clock lattice, or another discrete model.</param>
    /// <param name="betas">The grid, each finite and at least 0, distinct, one above 0 at least.</param>
    /// <param name="settings">Particles, substeps and sweeps.</param>
    /// <param name="progress">Receives the fraction of the path done.</param>
    public static Fin<Seq<ThermoPoint>> Annealed(
        RngKey key, IEnergyModel model, IReadOnlyList<double> betas, AnnealedSettings settings, IProgress<double>? progress = null) =>
        from valid in settings.Validate()
        from grid in Grid(betas)
        from above in AboveZero(grid)
        from sampled in Sampled(model, AnnealedMethod)
        let blocks = Enumerable.Range(0, AnnealedBlockCount(valid.Particles))
            .Select(b => AnnealBlock(key, sampled, grid, valid, b, ScaledProgress.Of(progress, (double)b / AnnealedBlockCount(valid.Particles), 1.0 / AnnealedBlockCount(valid.Particles))))
            .ToArray()
        select Points(sampled, grid, blocks);

    private static Seq<AnnealedPoint> AnnealTrace(RngKey key, IEnergyModel sampled, double[] grid, AnnealedSettings settings, IProgress<double>? progress) =>
        sampled switch
        {
            ICategoricalModel categorical => AnnealCategorical(key, categorical, grid, settings, progress),
            IsingModel ising => AnnealIsing(key, ising, grid, settings, progress),
            _ => AnnealDiscrete(key, (IDiscreteModel)sampled, grid, settings, progress),
        };

    private static Seq<AnnealedPoint> AnnealDiscrete(RngKey key, IDiscreteModel discrete, double[] grid, AnnealedSettings settings, IProgress<double>? progress) =>
        Anneal(key, grid, settings, progress, SpinOrBinaryStates(key.FoldIn(0), discrete, settings.Particles),
            b => HeatBathGibbs.BuildKernel(discrete, b, ScanOrder.Systematic, settings.MaxDegreeOfParallelism),
            s => new DiscreteChains(s, discrete.Energies(s)), s => s.Energies, (s, c) => Magnetisation(s.States.Row(c)),
            discrete.States == StateConvention.Spin);

    private static Seq<AnnealedPoint> AnnealIsing(RngKey key, IsingModel ising, double[] grid, AnnealedSettings settings, IProgress<double>? progress)
    {
        var start = SpinOrBinaryStates(key.FoldIn(0), ising, settings.Particles);
        var sites = (double)ising.Dimension;
        var parallelism = settings.MaxDegreeOfParallelism;
        return MultiSpinLayout.Supports(ising)
            ? Anneal(key, grid, settings, progress, start,
                b => MultiSpinCheckerboard.Checked(ising, b, CheckerboardUpdate.Metropolis, parallelism).Step,
                MultiSpinCheckerboard.Checked(ising, 0.0, CheckerboardUpdate.Metropolis, parallelism).Init,
                s => s.Energies, (s, c) => s.Magnetisations[c] / sites, true)
            : Anneal(key, grid, settings, progress, start,
                b => Checkerboard.Create(ising, b, CheckerboardUpdate.Metropolis, parallelism).Step,
                s => IsingChains.FromStates(ising, s), s => s.Energies, (s, c) => s.Magnetisations[c] / sites, true);
    }

    private static Seq<AnnealedPoint> AnnealCategorical(
        RngKey key, ICategoricalModel model, double[] grid, AnnealedSettings settings, IProgress<double>? progress) =>
        Anneal(key, grid, settings, progress, CategoricalDraws.Uniform(key.FoldIn(0), model, settings.Particles),
            b => PottsCheckerboard.CheckedStep(model, b, settings.MaxDegreeOfParallelism),
            s => PottsChains.FromStates(model, s), s => s.Energies, (s, c) => CategoricalOrder(model, s.ValueCounts(c)), true);

    /// <summary>
    /// Anneals <paramref name="settings"/>.Particles particles from beta = 0 along the rungs of <paramref name="grid"/> and
    /// keeps, at every grid point, each particle's log weight, energy and (for spin models) order parameter.
    /// </summary>
    private static Seq<AnnealedPoint> Anneal<TState, TInfo>(
        RngKey key, double[] grid, AnnealedSettings settings, IProgress<double>? progress, Mat start,
        Func<double, KernelStep<TState, TInfo>> kernelAt, Func<Mat, TState> init, Func<TState, Vec> energies,
        Func<TState, int, double> magnetisation, bool spins)
    {
        var rungs = Rungs(grid);
        var path = new List<double> { 0.0 };
        for (var k = 1; k < rungs.Length; k++)
            for (var s = 1; s <= settings.Substeps; s++)
                path.Add(s == settings.Substeps ? rungs[k] : rungs[k - 1] + (rungs[k] - rungs[k - 1]) * s / settings.Substeps);

        var state = init(start);
        var logWeights = new double[settings.Particles];
        var points = new List<AnnealedPoint>();
        AnnealedPoint Point() => new(Vec.Of(logWeights), energies(state), Magnetisations(state, magnetisation, spins, settings.Particles).Map(Vec.Of));
        if (grid[0] == 0.0) points.Add(Point());
        var next = grid[0] == 0.0 ? 1 : 0;
        for (var t = 1; t < path.Count; t++)
        {
            var e = energies(state);
            for (var i = 0; i < logWeights.Length; i++) logWeights[i] -= (path[t] - path[t - 1]) * e[i];
            state = Loop.Run(key.FoldIn(1).FoldIn(t), state, settings.SweepsPerStep, kernelAt(path[t]));
            if (next < grid.Length && path[t] == grid[next])
            {
                points.Add(Point());
                next++;
            }

            progress?.Report((double)t / (path.Count - 1));
        }

        return points.ToSeq();
    }

    private static Option<double[]> Magnetisations<TState>(TState state, Func<TState, int, double> magnetisation, bool spins, int particles) =>
        spins ? Some(Enumerable.Range(0, particles).Select(c => magnetisation(state, c)).ToArray()) : None;

    private static ThermoPoint Weighted(double beta, double logZAtZero, double[] logWeights, Vec energies, Option<double[]> magnetisations, int units)
    {
        var top = logWeights.Max();
        var w = logWeights.Select(x => Math.Exp(x - top)).ToArray();
        var (sum, count) = (w.Sum(), (double)w.Length);
        var mean = sum / count;
        var spread = w.Sum(x => (x - mean) * (x - mean)) / (count - 1);
        var logZ = logZAtZero + top + Math.Log(mean);
        var logZError = Math.Sqrt(spread / count) / mean;
        var e = energies.Span.ToArray();
        var u = WeightedMean(w, e);
        var variance = WeightedMean(w, e.Select(x => (x - u) * (x - u)).ToArray());
        var uError = WeightedError(w, e.Select(x => x - u).ToArray());
        var heat = new Measured(beta * beta * variance, WeightedError(w, e.Select(x => beta * beta * ((x - u) * (x - u) - variance)).ToArray()));
        var entropyInfluence = e.Select((x, i) => beta * (x - u)).ToArray();
        var entropyError = Math.Sqrt(Math.Pow(WeightedError(w, entropyInfluence), 2) + logZError * logZError);
        return new ThermoPoint(
            AnnealedMethod, beta,
            new Measured(logZ, logZError),
            new Measured(u, uError),
            new Measured(-logZ / beta, logZError / beta),
            new Measured(beta * u + logZ, entropyError),
            heat, None,
            magnetisations.Map(m => WeightedOrder(w, m, beta, units)));
    }

    private static OrderMoments WeightedOrder(double[] w, double[] m, double beta, int units)
    {
        var absolute = WeightedMean(w, m.Select(Math.Abs).ToArray());
        var square = WeightedMean(w, m.Select(x => x * x).ToArray());
        var fourth = WeightedMean(w, m.Select(x => x * x * x * x).ToArray());
        return new OrderMoments(
            new Measured(absolute, WeightedError(w, m.Select(x => Math.Abs(x) - absolute).ToArray())),
            new Measured(beta * units * (square - absolute * absolute),
                WeightedError(w, m.Select(x => beta * units * (x * x - square - 2 * absolute * (Math.Abs(x) - absolute))).ToArray())),
            new Measured(1 - fourth / (3 * square * square),
                WeightedError(w, m.Select(x => -(Math.Pow(x, 4) - fourth) / (3 * square * square) + 2 * fourth * (x * x - square) / (3 * square * square * square)).ToArray())));
    }

    private static double WeightedMean(double[] w, double[] x)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < w.Length; i++)
        {
            sum += w[i] * x[i];
            total += w[i];
        }

        return sum / total;
    }

    /// <summary>sqrt(sum w_i^2 psi_i^2) / sum w_i: the standard error of a self-normalised mean with centred influence psi.</summary>
    private static double WeightedError(double[] w, double[] influence)
    {
        double square = 0, total = 0;
        for (var i = 0; i < w.Length; i++)
        {
            square += w[i] * w[i] * influence[i] * influence[i];
            total += w[i];
        }

        return Math.Sqrt(square) / total;
    }
}
