using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Catalogue;

/// <summary>
/// Which Markov kernels apply to which kind of model, what each guarantees (<see cref="KernelInvariance"/>), what a
/// move costs (<see cref="MoveCost"/>), which of them the annealing estimators may run, and how the target can be drawn
/// exactly: the one table that sampling (<c>ebm sample</c>) and the estimators of log Z (<c>ebm logz</c>) share.
/// </summary>
/// <remarks>
/// <para>The two uses differ only where the mathematics says they must, each with its reason in
/// <see cref="KernelFit.PathRefusal"/>: unadjusted Langevin is approximate (its invariant distribution is O(step^2) off
/// the target), so annealing weights built on it would be biased; parallel tempering carries its own temperature ladder,
/// where an annealing path's points are the temperatures and each moves by a single-temperature kernel.</para>
/// <para>Reversibility follows the kernels' documentation and the exact transition-matrix properties: random-scan
/// single-site moves, cluster moves, random-walk Metropolis, MALA and HMC (momentum refreshed every trajectory) are
/// reversible; a checkerboard sweep, parallel tempering's alternating swap passes and block Gibbs on an RBM's joint
/// state are stationary only. Block Gibbs on the visible marginal, as the base-rate path runs it with the hidden units
/// summed out, is reversible (data augmentation: v -> h -> v'); on the joint state of a Gaussian-Bernoulli RBM's coupling
/// path (<see cref="Annealing.Paths.GaussianBernoulliCoupling"/>) it is stationary.</para>
/// <example><code>
/// var kernels = KernelCatalog.For(model);
/// var defaultForAis = kernels.Annealing.Head;                           // "checkerboard" for an Ising lattice
/// var forLinkedIs  = kernels.ReversibleOnPath;                          // gibbs, metropolis (and wolff, swendsen-wang at h = 0)
/// var cost = kernels.Find("hmc").Map(k =&gt; k.EvaluationsPerMove(leapfrogSteps: 10));
/// </code></example>
/// </remarks>
public static class KernelCatalog
{
    /// <summary>Discrete models of at most this many units are drawn exactly by enumerating their 2^n states (the exact draws' own table limit).</summary>
    public const int EnumerationDrawUnits = Enumeration.MaxTableUnits;

    /// <summary>Every kernel name of the catalogue, in the order the command line lists them.</summary>
    public static readonly Seq<string> Names =
        Seq("gibbs", "metropolis", "checkerboard", "wolff", "swendsen-wang", "block-gibbs", "langevin", "mala", "hmc", "pt", "nuts");

    /// <summary>The names of the kernels that drive an annealing path for at least one kind of model, in <see cref="Names"/> order.</summary>
    public static Seq<string> AnnealingNames => Names.Filter(name => Tables.Exists(t => t.PathOrder.Contains(name)));

    /// <summary>The table of every kind of model the catalogue knows (one per row of <see cref="For"/>).</summary>
    public static Seq<ModelKernels> Tables => Seq(
        Continuous, RbmKernels(BernoulliRbmKernels), GaussianBernoulliRbmKernels,
        IsingKernels(zeroField: true), IsingKernels(zeroField: false), DiscreteKernels("discrete"));

    /// <summary>The kernels of every continuous model (a model's own <see cref="For"/> adds its kind and exact draws).</summary>
    public static ModelKernels Continuous => ContinuousKernels("continuous");

    /// <summary>
    /// The kernels that apply to <paramref name="model"/> and how its target can be drawn exactly. A model of a kind the
    /// catalogue does not know gets the kernels of its family (any <see cref="IDiscreteModel"/>: single-site kernels; any
    /// <see cref="IContinuousModel"/>: the gradient and random-walk kernels), and none when it is of neither family.
    /// </summary>
    /// <param name="model">The model.</param>
    public static ModelKernels For(IEnergyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var table = model switch
        {
            IContinuousModel => ContinuousKernels(model.Kind),
            BernoulliRbm => RbmKernels(BernoulliRbmKernels),
            GaussianBernoulliRbm => GaussianBernoulliRbmKernels,
            IsingModel ising => IsingKernels(ising.Field == 0),
            IDiscreteModel => DiscreteKernels(model.Kind),
            ICategoricalModel categorical => CategoricalKernels(categorical),
            _ => new ModelKernels(model.Kind, Seq<KernelFit>(), Seq<string>(), Seq<ExactDrawSource>()),
        };
        return table with { ModelKind = model.Kind, ExactDraws = ExactDrawSources(model) };
    }

    /// <summary>The ways the target of <paramref name="model"/> can be drawn exactly, preferred first.</summary>
    /// <param name="model">The model.</param>
    public static Seq<ExactDrawSource> ExactDrawSources(IEnergyModel model) => model switch
    {
        BernoulliRbm rbm => (rbm.Hidden <= RbmExactDraws.MaxHidden ? Seq1(ExactDrawSource.RbmHiddenLayer) : Seq<ExactDrawSource>())
            + (rbm.Dimension <= EnumerationDrawUnits ? Seq1(ExactDrawSource.Enumeration) : Seq<ExactDrawSource>()),
        IDiscreteModel discrete when discrete.Dimension <= EnumerationDrawUnits => Seq1(ExactDrawSource.Enumeration),
        GaussianModel => Seq1(ExactDrawSource.Gaussian),
        _ => Seq<ExactDrawSource>(),
    };

    private const string TemperingRefusal =
        "parallel tempering runs its own ladder of temperatures; on an annealing path the path's points are the temperatures, " +
        "and each moves by a single-temperature kernel";

    private const string NutsRefusal =
        "NUTS samples a fixed target; an annealing path moves its particles with a kernel of fixed cost per move, so its " +
        "cost can be stated before the run: use hmc (the same dynamics with a fixed trajectory length)";

    private const string LangevinRefusal =
        "unadjusted Langevin leaves a distribution O(step size^2) away from each f_t invariant, so annealing weights built on it " +
        "are biased; mala is the same proposal with a Metropolis-Hastings correction";

    private static readonly KernelFit HeatBath = new("gibbs", "random-scan heat-bath Gibbs",
        KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Sweep, Tempered: false, AnyEnergy: true, PathRefusal: null);

    private static readonly KernelFit SingleSite = new("metropolis", "random-scan single-site Metropolis",
        KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Sweep, Tempered: false, AnyEnergy: true, PathRefusal: null);

    private static readonly KernelFit TemperedGibbs = new("pt", "parallel tempering over heat-bath Gibbs",
        KernelInvariance.Stationary, KernelInvariance.Stationary, MoveCost.Sweep, Tempered: true, AnyEnergy: true, PathRefusal: TemperingRefusal);

    private static readonly KernelFit CheckerboardSweep = new("checkerboard", "a checkerboard sweep",
        KernelInvariance.Stationary, KernelInvariance.Stationary, MoveCost.Sweep, Tempered: false, AnyEnergy: false, PathRefusal: null);

    private static readonly KernelFit WolffCluster = new("wolff", "a Wolff cluster flip",
        KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Sweep, Tempered: false, AnyEnergy: false, PathRefusal: null);

    private static readonly KernelFit SwendsenWangClusters = new("swendsen-wang", "a Swendsen-Wang cluster move",
        KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Sweep, Tempered: false, AnyEnergy: false, PathRefusal: null);

    private static readonly KernelFit BernoulliRbmKernels = new("block-gibbs", "block Gibbs over the two layers",
        KernelInvariance.Stationary, KernelInvariance.Reversible, MoveCost.Sweep, Tempered: false, AnyEnergy: false, PathRefusal: null);

    private static ModelKernels GaussianBernoulliRbmKernels => new("gaussian-bernoulli-rbm",
        Seq1(new KernelFit("block-gibbs", "block Gibbs over the two layers",
            KernelInvariance.Stationary, KernelInvariance.Stationary, MoveCost.Sweep, Tempered: false, AnyEnergy: false, PathRefusal: null)),
        Seq1("block-gibbs"), Seq<ExactDrawSource>());

    private static ModelKernels DiscreteKernels(string kind) =>
        new(kind, Seq(HeatBath, SingleSite, TemperedGibbs), Seq("gibbs", "metropolis"), Seq<ExactDrawSource>());

    private static ModelKernels RbmKernels(KernelFit blockGibbs) =>
        new("bernoulli-rbm", Seq(blockGibbs, HeatBath, SingleSite, TemperedGibbs), Seq("block-gibbs", "gibbs", "metropolis"), Seq<ExactDrawSource>());

    private static ModelKernels IsingKernels(bool zeroField) => zeroField
        ? new("ising", Seq(HeatBath, SingleSite, CheckerboardSweep, WolffCluster, SwendsenWangClusters, TemperedGibbs),
            Seq("checkerboard", "gibbs", "metropolis", "wolff", "swendsen-wang"), Seq<ExactDrawSource>())
        : new("ising", Seq(HeatBath, SingleSite, CheckerboardSweep, TemperedGibbs), Seq("checkerboard", "gibbs", "metropolis"), Seq<ExactDrawSource>());

    private static readonly KernelFit CategoricalCheckerboard = new("checkerboard", "a heat-bath checkerboard sweep over the q values",
        KernelInvariance.Stationary, KernelInvariance.Stationary, MoveCost.Sweep, Tempered: false, AnyEnergy: false, PathRefusal: null);

    private static readonly KernelFit TemperedCheckerboard = new("pt", "parallel tempering over the heat-bath checkerboard",
        KernelInvariance.Stationary, KernelInvariance.Stationary, MoveCost.Sweep, Tempered: true, AnyEnergy: false, PathRefusal: TemperingRefusal);

    /// <summary>
    /// Potts and clock lattices: the heat-bath checkerboard and parallel tempering over it; the Potts cluster moves where they
    /// are exact (J &gt;= 0; Wolff also needs h = 0). No annealing path runs them yet, so the path order is empty.
    /// </summary>
    private static ModelKernels CategoricalKernels(ICategoricalModel model)
    {
        var kernels = Seq1(CategoricalCheckerboard);
        if (model is PottsModel { Coupling: >= 0 } potts)
            kernels = potts.Field == 0 ? kernels.Add(WolffCluster).Add(SwendsenWangClusters) : kernels.Add(SwendsenWangClusters);
        return new(model.Kind, kernels.Add(TemperedCheckerboard), Seq<string>(), Seq<ExactDrawSource>());
    }

    private static ModelKernels ContinuousKernels(string kind) => new(kind,
        Seq(
            new KernelFit("metropolis", "random-walk Metropolis", KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Sweep, Tempered: false, AnyEnergy: true, PathRefusal: null),
            new KernelFit("langevin", "unadjusted Langevin", KernelInvariance.Approximate, KernelInvariance.Approximate, MoveCost.Sweep, Tempered: false, AnyEnergy: true, PathRefusal: LangevinRefusal),
            new KernelFit("mala", "MALA", KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Sweep, Tempered: false, AnyEnergy: true, PathRefusal: null),
            new KernelFit("hmc", "HMC with identity mass", KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Trajectory, Tempered: false, AnyEnergy: true, PathRefusal: null),
            new KernelFit("pt", "parallel tempering over HMC", KernelInvariance.Stationary, KernelInvariance.Stationary, MoveCost.Trajectory, Tempered: true, AnyEnergy: true, PathRefusal: TemperingRefusal),
            new KernelFit("nuts", "the no-U-turn sampler (multinomial)", KernelInvariance.Reversible, KernelInvariance.Reversible, MoveCost.Tree, Tempered: false, AnyEnergy: true, PathRefusal: NutsRefusal)),
        Seq("hmc", "mala", "metropolis"),
        Seq<ExactDrawSource>());
}
