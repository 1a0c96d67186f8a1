using LanguageExt;

namespace Ebm.Functional.Catalogue;

/// <summary>
/// The kernels that apply to one kind of model, with how its target can be drawn exactly: the one table both
/// sampling and the annealing estimators of log Z consult (<see cref="KernelCatalog.For"/>).
/// </summary>
/// <param name="ModelKind">The model's kind (<see cref="Models.IEnergyModel.Kind"/>).</param>
/// <param name="Kernels">Every kernel that samples the model, in the order messages list them.</param>
/// <param name="PathOrder">
/// The kernels the annealing estimators may run, their default first: exactly the <see cref="Kernels"/> without a
/// <see cref="KernelFit.PathRefusal"/>, in order of preference.
/// </param>
/// <param name="ExactDraws">The ways its target can be drawn exactly, preferred first (empty when it cannot be).</param>
public sealed record ModelKernels(string ModelKind, Seq<KernelFit> Kernels, Seq<string> PathOrder, Seq<ExactDrawSource> ExactDraws)
{
    /// <summary>The names of the kernels that sample the model.</summary>
    public Seq<string> Sampling => Kernels.Map(k => k.Kernel);

    /// <summary>The names of the kernels that drive its annealing paths, the default first.</summary>
    public Seq<string> Annealing => PathOrder;

    /// <summary>
    /// The annealing kernels that are reversible on the path (what linked importance sampling needs), in
    /// <see cref="PathOrder"/>.
    /// </summary>
    public Seq<string> ReversibleOnPath => PathOrder.Filter(name => Find(name).Exists(k => k.PathInvariance == KernelInvariance.Reversible));

    /// <summary>
    /// The annealing kernels that run on any energy over the model's state space (<see cref="KernelFit.AnyEnergy"/>):
    /// those of a path between two models and of bridge sampling's target chains, in <see cref="PathOrder"/>.
    /// </summary>
    public Seq<string> OnAnyEnergy => PathOrder.Filter(name => Find(name).Exists(k => k.AnyEnergy));

    /// <summary>The fit of the kernel called <paramref name="kernel"/>, if it samples the model.</summary>
    /// <param name="kernel">A kernel name.</param>
    public Option<KernelFit> Find(string kernel) => Kernels.Find(k => k.Kernel == kernel);
}
