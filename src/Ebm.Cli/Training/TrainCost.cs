using Ebm.Cli.Cost;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Training;

namespace Ebm.Cli.Training;

/// <summary>
/// The cost of an <c>ebm train</c> run, stated before any work and bounded by <see cref="RunBudget"/>: the updates of
/// every epoch and the evaluations, counted as energy evaluations (one per example or chain state a pass touches) times
/// the weights each touches (nv x nh for an RBM, n^2 for a Boltzmann machine).
/// </summary>
/// <remarks>
/// Per update, in passes over a layer: CD-k (2k + 1) per example; PCD-k one per example and 2k per chain; tempered SML
/// one per example and 2 per chain and replica; pseudolikelihood and ratio matching one per example and visible unit
/// (a free-energy difference each); exact maximum likelihood 2^s passes, s the smaller layer of an RBM or every unit of
/// a Boltzmann machine. Each evaluation as the evaluation itself states it (<see cref="EvaluationSettings.RbmWeightPasses"/>,
/// <see cref="EvaluationSettings.BoltzmannWeightPasses"/>): exact log Z or AIS, the examples, the chains' R-hat run.
/// </remarks>
internal static class TrainCost
{
    /// <summary>The options that set the cost of ebm train.</summary>
    public const string Levers = "--epochs, --batch, --hidden, --layers, --k, --chains, --replicas, --langevin-steps or --eval-every (or the data's size)";

    /// <summary>
    /// The cost of training on <paramref name="examples"/> rows of <paramref name="visible"/> units with <paramref name="hidden"/>
    /// hidden units (0 without a hidden layer; <paramref name="gaussian"/> for Gaussian visible units).
    /// </summary>
    public static RunCost For(TrainSettings s, int examples, int testExamples, int visible, int hidden, bool gaussian)
    {
        var rbm = hidden > 0;
        double weights = rbm ? (double)visible * hidden : (double)visible * visible;
        var dimension = rbm ? visible + hidden : visible;
        var enumerated = rbm ? Math.Min(visible, hidden) : visible;
        var batch = Math.Min(s.Batch, Math.Max(1, examples));
        var steps = (double)s.Epochs * Math.Ceiling((double)examples / batch);
        double perStep = s.Objective switch
        {
            "cd" => batch * (2.0 * s.K + 1),
            "pcd" => batch + 2.0 * s.K * s.Chains,
            "tempered" => batch + 2.0 * s.Chains * s.Replicas,
            "pl" or "ratio" => (double)batch * visible,
            "exact" => Math.Pow(2, enumerated) + batch,
            _ => batch,
        };
        var evaluations = Math.Floor((double)s.Epochs / s.EvalEvery) + 2;
        var chainRows = s.Objective is "pcd" or "tempered" ? s.Chains : 0;
        var perEvaluation = rbm
            ? EvaluationSettings.Default.RbmWeightPasses(visible, hidden, examples, testExamples, chainRows, gaussian)
            : EvaluationSettings.Default.BoltzmannWeightPasses(visible, examples, testExamples, chainRows);
        double parameters = rbm ? weights + visible + hidden : visible * (visible - 1) / 2.0 + visible;
        // The model, the gradient, two optimizer moments and the updated copy, plus the data and the chains.
        var bytes = 8.0 * (5 * parameters + (double)(examples + testExamples) * visible + (double)s.Chains * Math.Max(1, s.Objective == "tempered" ? s.Replicas : 1) * dimension);
        return RunCost.Of(
            new CostPart("updates", steps * perStep, steps * perStep * weights, bytes),
            new CostPart("evaluations", evaluations * perEvaluation, evaluations * perEvaluation * weights, bytes));
    }

    /// <summary>
    /// The cost of training a neural energy or classifier: passes through the network (each about its parameter count in
    /// multiply-adds, a backward pass counted as two) per example of each update: sm 2 + 2d (the Laplacian's d curvature
    /// directions), ssm 2 + 2M, dsm 3 per noise scale, nce 3 (1 + nu), ml-langevin and jem 3 + 3K for the sample's K
    /// Langevin gradients, classifier 3; each evaluation one pass per example, and for 2-D models the quadrature grid of
    /// (<see cref="BoxQuadrature.DefaultIntervals"/> + 1)^2 nodes.
    /// </summary>
    public static RunCost ForNetwork(TrainSettings s, int examples, int testExamples, Mlp network)
    {
        var batch = Math.Min(s.Batch, Math.Max(1, examples));
        var steps = (double)s.Epochs * Math.Ceiling((double)examples / batch);
        var scales = NetworkShape.TryNoiseScales(s.NoiseScales, out var parsed, out _) ? parsed.Length : 1;
        double passes = s.Objective switch
        {
            "sm" => 2 + 2.0 * network.Inputs,
            "ssm" => 2 + 2.0 * s.Projections,
            "dsm" => 3.0 * scales,
            "nce" => 3 * (1 + s.NoiseRatio),
            "ml-langevin" or "jem" => 3 + 3.0 * s.LangevinSteps,
            _ => 3,
        };
        var perStep = batch * passes;
        var evaluations = Math.Floor((double)s.Epochs / s.EvalEvery) + 2;
        var grid = network.Inputs == 2 ? Math.Pow(BoxQuadrature.DefaultIntervals + 1, 2) : 0;
        var perEvaluation = examples + testExamples + grid;
        double weights = network.ParameterCount;
        var widest = network.Layers.Max(l => l.Outputs);
        var bytes = 8.0 * (5 * weights + (double)(examples + testExamples) * (network.Inputs + 1) + (double)Math.Max(s.Buffer, batch) * network.Inputs
            + 4.0 * batch * Math.Max(1, s.LangevinSteps) * widest);
        return RunCost.Of(
            new CostPart("updates", steps * perStep, steps * perStep * weights, bytes),
            new CostPart("evaluations", evaluations * perEvaluation, evaluations * perEvaluation * weights, bytes));
    }
}
