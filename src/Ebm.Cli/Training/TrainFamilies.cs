using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The model families <c>ebm train</c> trains, each with the objectives the library offers for it.
/// <c>--model ising</c> is the inverse Ising problem: a spin Boltzmann machine over all pairs learns the couplings
/// and fields of the lattice that produced the data, and is written as a <c>boltzmann-machine</c> with
/// <c>"states": "spin"</c>.
/// </summary>
internal static class TrainFamilies
{
    /// <summary>Block-Gibbs steps from uniform starts for the sample grid when the hidden layer is too large for exact draws.</summary>
    public const int SampleGibbsSteps = 1000;

    /// <summary>The Bernoulli RBM: W, b, c; data in {0, 1}.</summary>
    public static TrainFamily<BernoulliRbm> BernoulliRbm { get; } = new(
        "bernoulli-rbm",
        RbmTraining.Parameters,
        Settings<BernoulliRbm>(new Dictionary<string, Func<TrainSettings, Objective<BernoulliRbm>>>
        {
            ["exact"] = _ => RbmTraining.ExactLikelihood(),
            ["cd"] = s => RbmTraining.ContrastiveDivergence(s.K, Precision(s)),
            ["pcd"] = s => RbmTraining.PersistentContrastiveDivergence(s.Chains, s.K, Precision(s)),
            ["tempered"] = s => RbmTraining.Tempered(s.Chains, s.Replicas),
            ["pl"] = _ => RbmTraining.Pseudolikelihood(),
            ["ratio"] = _ => RbmTraining.RatioMatching(),
        }),
        Some(StateConvention.Binary),
        model => model.Visible,
        (key, settings, data) => InitialModels.BernoulliRbm(key, data, settings.Hidden),
        Evaluation.ForBernoulliRbm(),
        model => Some(model.Weights),
        RbmSamples);

    /// <summary>The Gaussian-Bernoulli RBM: W, b, c and, with <paramref name="learnSigma"/>, log sigma; real-valued data.</summary>
    public static TrainFamily<GaussianBernoulliRbm> GaussianBernoulliRbm(bool learnSigma) => new(
        "gaussian-bernoulli-rbm",
        GaussianBernoulliRbmTraining.Parameters(learnSigma),
        Settings<GaussianBernoulliRbm>(new Dictionary<string, Func<TrainSettings, Objective<GaussianBernoulliRbm>>>
        {
            ["exact"] = _ => GaussianBernoulliRbmTraining.ExactLikelihood(learnSigma),
            ["cd"] = s => GaussianBernoulliRbmTraining.ContrastiveDivergence(s.K, learnSigma),
            ["pcd"] = s => GaussianBernoulliRbmTraining.PersistentContrastiveDivergence(s.Chains, s.K, learnSigma),
            ["tempered"] = s => GaussianBernoulliRbmTraining.Tempered(s.Chains, s.Replicas, learnSigma: learnSigma),
        }),
        None,
        model => model.Visible,
        (key, settings, data) => InitialModels.GaussianBernoulliRbm(key, data, settings.Hidden),
        Evaluation.ForGaussianBernoulliRbm(),
        model => Some(model.Weights),
        GaussianSamples);

    /// <summary>The fully visible Boltzmann machine on {0, 1} units.</summary>
    public static TrainFamily<BoltzmannMachine> BoltzmannMachine { get; } = Boltzmann("boltzmann-machine", StateConvention.Binary);

    /// <summary>The inverse Ising problem: a spin Boltzmann machine over all pairs, data in {-1, +1}.</summary>
    public static TrainFamily<BoltzmannMachine> Ising { get; } = Boltzmann("ising", StateConvention.Spin);

    private static TrainFamily<BoltzmannMachine> Boltzmann(string name, StateConvention states) => new(
        name,
        BoltzmannTraining.Parameters,
        Settings<BoltzmannMachine>(new Dictionary<string, Func<TrainSettings, Objective<BoltzmannMachine>>>
        {
            ["exact"] = _ => BoltzmannTraining.ExactLikelihood(),
            ["cd"] = s => BoltzmannTraining.ContrastiveDivergence(s.K),
            ["pcd"] = s => BoltzmannTraining.PersistentContrastiveDivergence(s.Chains, s.K),
            ["tempered"] = s => BoltzmannTraining.Tempered(s.Chains, s.Replicas),
            ["pl"] = _ => BoltzmannTraining.Pseudolikelihood(),
            ["ratio"] = _ => BoltzmannTraining.RatioMatching(),
        }),
        Some(states),
        model => model.Dimension,
        (key, _, data) => InitialModels.BoltzmannMachine(key, data, states),
        Evaluation.ForBoltzmannMachine(),
        _ => None,
        (key, model, count) => ExactDraws.Discrete(key, count, model, 1.0));

    /// <summary>Visible samples: exact draws when the hidden layer can be enumerated, else block Gibbs from uniform starts.</summary>
    private static Fin<Mat> RbmSamples(RngKey key, BernoulliRbm model, int count)
    {
        var joint = model.Hidden <= RbmExactDraws.MaxHidden
            ? RbmExactDraws.Sample(key, model, count)
            : FinSucc(GibbsJoint(key, model, count));
        return joint.Map(j => Mat.Create(count, model.Visible, d =>
        {
            for (var r = 0; r < count; r++) j.Row(r)[..model.Visible].CopyTo(d.Slice(r * model.Visible, model.Visible));
        }));
    }

    /// <summary>Visible samples of a Gaussian-Bernoulli RBM: block Gibbs from standard normal visible starts and uniform hidden ones.</summary>
    private static Fin<Mat> GaussianSamples(RngKey key, GaussianBernoulliRbm model, int count)
    {
        var sampler = GaussianBernoulliBlockGibbs.Create(model, 1.0);
        var visible = Mat.Create(count, model.Visible, d => key.FoldIn(0).Normal(d));
        var hidden = ExactDraws.Uniform(key.FoldIn(1), count, model.Hidden, StateConvention.Binary);
        var joint = Mat.Create(count, model.Dimension, d =>
        {
            for (var r = 0; r < count; r++)
            {
                visible.Row(r).CopyTo(d.Slice(r * model.Dimension, model.Visible));
                hidden.Row(r).CopyTo(d.Slice(r * model.Dimension + model.Visible, model.Hidden));
            }
        });
        var end = Loop.Run(key.FoldIn(2), sampler.Init(joint), SampleGibbsSteps, sampler.Step);
        return FinSucc(end.Visible);
    }

    private static Mat GibbsJoint(RngKey key, BernoulliRbm model, int count)
    {
        var sampler = RbmBlockGibbs.Create(model, 1.0);
        var start = sampler.Init(ExactDraws.Uniform(key.FoldIn(0), count, model.Dimension, StateConvention.Binary));
        return Loop.Run(key.FoldIn(1), start, SampleGibbsSteps, sampler.Step).Joint();
    }

    /// <summary>Objectives built from the settings alone, as the data-aware table of <see cref="TrainFamily{TModel}.Objectives"/>.</summary>
    private static IReadOnlyDictionary<string, Func<TrainSettings, Mat, Fin<Objective<TModel>>>> Settings<TModel>(Dictionary<string, Func<TrainSettings, Objective<TModel>>> objectives) =>
        objectives.ToDictionary(o => o.Key, o => (Func<TrainSettings, Mat, Fin<Objective<TModel>>>)((s, _) => FinSucc(o.Value(s))));

    /// <summary>The products' precision <c>--precision</c> names.</summary>
    internal static ProductPrecision Precision(TrainSettings settings) => settings.Precision == "f32" ? ProductPrecision.Single : ProductPrecision.Double;
}
