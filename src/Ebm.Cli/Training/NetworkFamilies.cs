using Ebm.Cli.Output;
using Ebm.Functional.Datasets;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The neural families of <c>ebm train</c>: <c>mlp</c>, an energy E(x) = f((x - shift) / scale) trained by score matching
/// (sm, ssm, dsm), noise-contrastive estimation (nce) or maximum likelihood with a Langevin negative phase (ml-langevin);
/// and <c>mlp-classifier</c>, logits f(x) whose energy is -logsumexp f, trained by JEM (jem) or cross-entropy alone
/// (classifier) on labelled data, the class index 0..K-1 in the last column. The input scaling is the training data's
/// standardisation (<see cref="Standardisation"/>), saved in the model; it is not trained.
/// </summary>
/// <remarks>
/// <para>Langevin negative phases start from the uniform box around the training data (<see cref="NoiseDistribution.FitBox"/>,
/// as Du and Mordatch 2019 and Nijkamp et al. 2019 start from uniform noise); the noise of nce is a Gaussian fitted to the
/// data (<see cref="NoiseDistribution.FitGaussian"/>).</para>
/// <para>nce learns log Z in the energy's last bias: NoiseContrastive's log-normaliser c enters the loss exactly as that bias
/// does (both shift the log density by a constant), so the objective runs on the model with c = 0 and the bias carries the
/// learned normaliser. The saved model is then self-normalised, and the quadrature log Z of the evaluations (which
/// should approach 0) is the check that NCE learned log Z (Mnih and Teh 2012 fix c the same way).</para>
/// <para>Samples for the scatter of 2-D models are drawn from the density on the box (<see cref="BoxQuadrature.Box"/>) held
/// piecewise constant on a grid of <see cref="SampleGrid"/> x <see cref="SampleGrid"/> cells (each cell's mass by its centre's
/// energy), a cell chosen by its mass, then a uniform point in it.</para>
/// </remarks>
internal static class NetworkFamilies
{
    /// <summary>Cells per side of the grid the scatter's samples are drawn on.</summary>
    public const int SampleGrid = 400;

    /// <summary>The neural energy.</summary>
    public static TrainFamily<MlpEnergy> Energy { get; } = new(
        "mlp",
        MlpTraining.Parameters,
        new Dictionary<string, Func<TrainSettings, Mat, Fin<Objective<MlpEnergy>>>>
        {
            ["sm"] = (_, _) => FinSucc(ScoreMatching.Exact(MlpTraining.Derivatives)),
            ["ssm"] = (s, _) => FinSucc(ScoreMatching.Sliced(MlpTraining.Derivatives, s.Projections)),
            ["dsm"] = (s, _) => FinSucc(ScoreMatching.Denoising(MlpTraining.Derivatives, Scales(s).ToSeq())),
            ["nce"] = (s, data) => NoiseDistribution.FitGaussian(data).Map(noise => SelfNormalised(NoiseContrastive.Objective(MlpTraining.Derivatives, noise, s.NoiseRatio))),
            ["ml-langevin"] = (s, data) => Langevin(s, data).Map(settings => LangevinLikelihood.Objective(MlpTraining.Derivatives, settings)),
        },
        None,
        model => model.Dimension,
        (key, s, data) => Standardisation.Fit(data).Bind(scaling => MlpTraining.InitialiseEnergy(key, data.Columns, Widths(s), Activation(s), scaling)),
        Evaluation.ForMlpEnergy(),
        _ => None,
        (key, model, count) => GridDraws(key, model.Energies, model.Scaling, count));

    /// <summary>The neural classifier, on labelled data.</summary>
    public static TrainFamily<MlpClassifier> Classifier { get; } = new(
        "mlp-classifier",
        MlpTraining.ClassifierParameters,
        new Dictionary<string, Func<TrainSettings, Mat, Fin<Objective<MlpClassifier>>>>
        {
            ["jem"] = (s, data) => Langevin(s, Inputs(data)).Map(settings => JointEnergy.Objective(MlpTraining.ClassifierDerivatives, settings)),
            ["classifier"] = (_, _) => FinSucc(JointEnergy.Classifier(MlpTraining.ClassifierDerivatives)),
        },
        None,
        model => model.Dimension + 1,
        (key, s, data) =>
            from classes in Classes(data)
            from scaling in Standardisation.Fit(data, data.Columns - 1)
            from model in MlpTraining.InitialiseClassifier(key, data.Columns - 1, Widths(s), classes, Activation(s), scaling)
            select model,
        Evaluation.ForMlpClassifier(),
        _ => None,
        (key, model, count) => GridDraws(key, model.Energies, model.Scaling, count));

    /// <summary>The number of classes of labelled data: one more than the largest label, at least 2; every label a whole number from 0.</summary>
    public static Fin<int> Classes(Mat data)
    {
        if (data.Columns < 2)
            return FinFail<int>(TrainConfigErrors.Mismatch("--data", $"mlp-classifier reads inputs and then the class (0..K-1) in the last column; the examples have {data.Columns} value"));
        var largest = 0;
        for (var r = 0; r < data.Rows; r++)
        {
            var label = data[r, data.Columns - 1];
            if (label != Math.Floor(label) || label < 0 || label > Mlp.MaxWidth)
                return FinFail<int>(TrainConfigErrors.Mismatch("--data",
                    $"mlp-classifier reads the class of each example from the last column (a whole number 0..K-1); example {r + 1} has {Numbers.Exact(label)}"));
            largest = Math.Max(largest, (int)label);
        }

        return FinSucc(Math.Max(2, largest + 1));
    }

    private static double[] Scales(TrainSettings s) => NetworkShape.TryNoiseScales(s.NoiseScales, out var scales, out _) ? scales : [0.1];

    private static int[] Widths(TrainSettings s) => NetworkShape.TryHiddenWidths(s.Layers ?? TrainSettings.DefaultLayers, out var widths, out _) ? widths : [64, 64];

    private static MlpActivation Activation(TrainSettings s) => MlpActivations.Parse(s.Activation);

    private static Fin<LangevinSettings> Langevin(TrainSettings s, Mat data) =>
        NoiseDistribution.FitBox(data).Map(start => new LangevinSettings(start, s.LangevinSteps, s.LangevinStepSize, s.LangevinNoise, s.Buffer,
            EnergyRegularisation: s.EnergyRegularisation));

    /// <summary>Every column but the last (the class).</summary>
    private static Mat Inputs(Mat data) => Mat.Create(data.Rows, data.Columns - 1, d =>
    {
        for (var r = 0; r < data.Rows; r++) data.Row(r)[..(data.Columns - 1)].CopyTo(d.Slice(r * (data.Columns - 1), data.Columns - 1));
    });

    /// <summary>NCE on the energy itself: c = 0, the gradient in c dropped (the last bias's gradient is the same), the constant log-z metric left out.</summary>
    private static Objective<MlpEnergy> SelfNormalised(Objective<Normalised<MlpEnergy>> nce) =>
        new(nce.Name,
            (key, model) => nce.StartChains(key, new Normalised<MlpEnergy>(model, 0.0)),
            (key, model, chains, batch) => nce.Step(key, new Normalised<MlpEnergy>(model, 0.0), chains, batch).Map(result => result with
            {
                Gradient = Vec.From(result.Gradient.Span[..^1]),
                Metrics = result.Metrics.Filter(m => m.Name != NoiseContrastive.LogZMetric),
            }));

    /// <summary>
    /// Draws from exp(-E) on the box, piecewise constant on <see cref="SampleGrid"/>^2 cells; an empty matrix for models
    /// that are not 2-D (no scatter is drawn for them).
    /// </summary>
    private static Fin<Mat> GridDraws(RngKey key, Func<Mat, Vec> energies, InputScaling scaling, int count)
    {
        if (scaling.Dimension != 2) return FinSucc(Mat.Create(0, scaling.Dimension, _ => { }));
        var box = BoxQuadrature.Box(scaling);
        const int n = SampleGrid;
        double hx = (box.XMax - box.XMin) / n, hy = (box.YMax - box.YMin) / n;
        var centres = Mat.Create(n * n, 2, d =>
        {
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++)
                {
                    d[2 * (j * n + i)] = box.XMin + (i + 0.5) * hx;
                    d[2 * (j * n + i) + 1] = box.YMin + (j + 0.5) * hy;
                }
        });
        var e = energies(centres);
        var smallest = double.PositiveInfinity;
        foreach (var v in e.Span)
        {
            if (double.IsNaN(v)) return FinFail<Mat>(TrainConfigErrors.Mismatch("model", "the trained energy is NaN somewhere on its box"));
            smallest = Math.Min(smallest, v);
        }

        var cumulative = new double[n * n];
        var total = 0.0;
        for (var k = 0; k < cumulative.Length; k++) cumulative[k] = total += Math.Exp(-(e[k] - smallest));
        var uniforms = new double[3 * count];
        key.Uniform(uniforms);
        return FinSucc(Mat.Create(count, 2, d =>
        {
            for (var r = 0; r < count; r++)
            {
                var cell = System.Array.BinarySearch(cumulative, uniforms[3 * r] * total);
                cell = Math.Min(cumulative.Length - 1, cell < 0 ? ~cell : cell);
                d[2 * r] = box.XMin + (cell % n + uniforms[3 * r + 1]) * hx;
                d[2 * r + 1] = box.YMin + (cell / n + uniforms[3 * r + 2]) * hy;
            }
        }));
    }
}
