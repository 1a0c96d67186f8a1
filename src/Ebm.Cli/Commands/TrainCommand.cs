using System.CommandLine;
using Ebm.Cli.Estimation;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Cli.Training;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.Training;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm train [CONFIG.json] --model M [--hidden N] --data SPEC [--test FILE|--test-fraction F] --objective O [--k 1]
/// [--chains C] [--replicas R] [--optimizer sgd|momentum|adam|adamw] [--lr 0.01] [--weight-decay W] [--epochs E]
/// [--batch B] [--eval-every N] [--seed S] [--out DIR] [--resume DIR] [--init MODEL] [--learn-sigma] [--binarize RULE]
/// [--array NAME] [--precision f64|f32] [--force] [--layers 2x64] [--activation softplus|tanh|silu] [--noise-scales 0.1,0.2]
/// [--noise-ratio 1] [--projections 1] [--langevin-steps 20] [--langevin-step-size 0.01] [--langevin-noise S] [--buffer N]
/// [--energy-regularisation A] [--cluster HOST:PORT [--cluster-name NAME] [--cluster-timeout S]]</c>.
/// </summary>
/// <remarks>
/// Settings come from the defaults, then CONFIG.json (one key per option, <see cref="TrainSettingsJson"/>), then the
/// options given on the command line. <c>--resume DIR</c> continues the run in DIR with the settings its checkpoint
/// holds (only <c>--epochs</c>, to train longer, and <c>--force</c> may be given with it): the result is the same, bit for
/// bit, as a run that was never interrupted. <c>--cluster</c> (CD and PCD of a Bernoulli RBM) computes each minibatch's
/// shards on a cluster's workers (<see cref="TrainCluster"/>) with the same bits; it may go with <c>--resume</c>.
/// </remarks>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Argument<string?>("CONFIG.json")
        {
            Description = "A JSON object of settings, one key per option (model, hidden, data, test, testFraction, objective, k, chains, replicas, optimizer, " +
                          "lr, weightDecay, epochs, batch, evalEvery, seed, out, resume, init, learnSigma, force, binarize, array, precision, layers, activation, noiseScales, " +
                          "noiseRatio, projections, langevinSteps, langevinStepSize, langevinNoise, buffer, energyRegularisation, cluster, clusterName, clusterTimeout); options given on the command line override it; an unknown key is an error.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var model = Text("--model", $"The model family: {string.Join(", ", TrainSettings.Models)}. ising learns the couplings and fields of spin data " +
                                    "(the inverse Ising problem) as a spin boltzmann-machine over all pairs. mlp is a neural energy on real vectors; mlp-classifier a neural " +
                                    "classifier whose logits also define an energy (labelled data: the last column holds the class 0..K-1).", "MODEL");
        var hidden = WholeOption.Create("--hidden", "Hidden units of an RBM.", 0, "N");
        var data = Text("--data", "The training data: builtin:bars-and-stripes:N (all N x N bars and stripes), builtin:ising:L:BETA[:COUNT] (exact or long-MCMC " +
                                  "draws of an L x L Ising torus at BETA, 1000 by default), builtin:blobs[:COUNT] (28 x 28 binary blob images, 10000 by default), " +
                                  $"builtin:TOY[:COUNT] (a 2-D toy, {string.Join(", ", Functional.Datasets.Toys2D.Names)}; {TrainDataSource.DefaultToyCount} points by default, with class labels for mlp-classifier), or a data file (CSV, .npy, .npz, IDX, also gzipped) holding 0/1 values for a binary model, -1/+1 for ising, reals for gaussian-bernoulli-rbm.", "SPEC");
        var test = Text("--test", "A file of test examples (the same formats as --data).", "FILE");
        var testFraction = RealOption.Create("--test-fraction", "Hold out this fraction of the data as test examples (a seeded split).", 0.0, "F");
        var objective = Text("--objective", "exact (maximum likelihood, small models), cd (CD-k), pcd (persistent CD / SML), tempered (tempered SML), " +
                                            "pl (pseudolikelihood), ratio (ratio matching); for mlp: sm (score matching), ssm (sliced), dsm (denoising), nce " +
                                            "(noise-contrastive), ml-langevin (maximum likelihood, Langevin negative phase); for mlp-classifier: jem, classifier.", "OBJECTIVE");
        var k = WholeOption.Create("--k", "Gibbs steps per update of cd and pcd.", 1, "K");
        var chains = WholeOption.Create("--chains", "Persistent chains of pcd and tempered.", 100, "C");
        var replicas = WholeOption.Create("--replicas", "Temperatures of tempered.", 5, "R");
        var optimizer = Text("--optimizer", "sgd (the default), momentum (0.9), adam or adamw (decoupled weight decay).", "OPTIMIZER");
        var lr = RealOption.Create("--lr", "The learning rate.", 0.01, "LR");
        var weightDecay = RealOption.Create("--weight-decay", "Weight decay on the weights, never the biases: an L2 penalty (adamw: decoupled).", 0.0, "W");
        var epochs = WholeOption.Create("--epochs", "Passes through the training data.", 100, "E");
        var batch = WholeOption.Create("--batch", "Examples per update.", 10, "B");
        var evalEvery = WholeOption.Create("--eval-every", "Epochs between evaluations (log-likelihood, pseudo-log-likelihood, ...), each followed by a checkpoint.", 10, "N");
        var seed = WholeOption.Create("--seed", "Seed of every random number of the run (data, split, initial model, updates, evaluations); printed with the result.", 42UL, "S");
        var output = Text("--out", $"The output folder, new or empty (default {TrainSettings.DefaultOut}): model.json, model.npz, checkpoint.json, metrics.csv, " +
                                   "learning-curve.png, samples.png and filters.png for image data, density.png and samples.png for 2-D data, manifest.json.", "DIR");
        var resume = Text("--resume", "Continue the run whose output folder is DIR from its checkpoint.", "DIR");
        var init = Text("--init", "Start from this model file (.json, or .npz with the arrays W, b, c[, sigma]) instead of a seeded model.", "MODEL");
        var learnSigma = new System.CommandLine.Option<bool>("--learn-sigma")
        {
            Description = "gaussian-bernoulli-rbm: learn the visible units' standard deviations (as log sigma); without it they stay at the starting model's (the data's).",
        };
        var force = CommonOptions.Force();
        var binarize = Text("--binarize", "Make a data file's values 0/1 for a binary model: threshold:T (1 where x > T), threshold (T = half the training data's largest value: " +
                                          "127.5 for bytes), or stochastic (each value, divided by the largest when that exceeds 1, is the probability of a 1; seeded).", "RULE");
        var array = Text("--array", "The array of a .npz data file (--data and --test) to train on, when the file holds more than one.", "NAME");
        var precision = Text("--precision", "f64 (the default) or f32: the precision of the matrix products of cd and pcd for bernoulli-rbm (float32 is about twice as fast on large models).", "P");

        var layers = Text("--layers", $"mlp: the hidden layers, LxW (L layers of width W) or widths separated by commas [default: {TrainSettings.DefaultLayers}].", "LAYERS");
        var activation = Text("--activation", "mlp: the hidden activation, softplus (the default), tanh or silu.", "ACTIVATION");
        var noiseScales = Text("--noise-scales", "dsm: the noise standard deviations, in the data's units, separated by commas (several: weighted sigma^2) [default: 0.1].", "S1,S2");
        var noiseRatio = RealOption.Create("--noise-ratio", "nce: noise samples per data example (the noise is a Gaussian fitted to the data).", 1.0, "NU");
        var projections = WholeOption.Create("--projections", "ssm: random Rademacher projections per example.", 1, "M");
        var langevinSteps = WholeOption.Create("--langevin-steps", "ml-langevin and jem: Langevin steps of the negative phase.", 20, "K");
        var langevinStepSize = RealOption.Create("--langevin-step-size", "ml-langevin and jem: the Langevin step size eps on the energy gradient.", 0.01, "EPS");
        var langevinNoise = RealOption.Optional("--langevin-noise", "ml-langevin and jem: the standard deviation of the noise per step [default: sqrt(2 eps)].", "S");
        var buffer = WholeOption.Create("--buffer", "ml-langevin and jem: persistent samples in a replay buffer (0: short-run chains from fresh starts).", 0, "N");
        var energyRegularisation = RealOption.Create("--energy-regularisation", "ml-langevin and jem: alpha of the penalty alpha (E(x+)^2 + E(x-)^2).", 0.0, "A");

        var cluster = ClusterOptions.Create("the shards of each minibatch (cd and pcd of bernoulli-rbm; shards of at most 1024 rows)");

        var command = new Command("train", "Train an energy-based model on data by a likelihood-gradient objective, with evaluations, checkpoints and plots in an output folder.")
        {
            config, model, hidden, data, test, testFraction, objective, k, chains, replicas, optimizer, lr, weightDecay, epochs, batch, evalEvery, seed, output, resume, init, learnSigma, force,
            binarize, array, precision, layers, activation, noiseScales, noiseRatio, projections, langevinSteps, langevinStepSize, langevinNoise, buffer,
            energyRegularisation,
        };
        foreach (var option in cluster.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            bool Given(System.CommandLine.Option option) => parse.GetResult(option) is { Implicit: false };
            TrainSettings FromOptions(TrainSettings s) => s with
            {
                Model = Given(model) ? parse.GetValue(model)! : s.Model,
                Hidden = Given(hidden) ? parse.GetValue(hidden) : s.Hidden,
                Data = Given(data) ? parse.GetValue(data)! : s.Data,
                Test = Given(test) ? parse.GetValue(test) : s.Test,
                TestFraction = Given(testFraction) ? parse.GetValue(testFraction) : s.TestFraction,
                Objective = Given(objective) ? parse.GetValue(objective)! : s.Objective,
                K = Given(k) ? parse.GetValue(k) : s.K,
                Chains = Given(chains) ? parse.GetValue(chains) : s.Chains,
                Replicas = Given(replicas) ? parse.GetValue(replicas) : s.Replicas,
                Optimizer = Given(optimizer) ? parse.GetValue(optimizer)! : s.Optimizer,
                LearningRate = Given(lr) ? parse.GetValue(lr) : s.LearningRate,
                WeightDecay = Given(weightDecay) ? parse.GetValue(weightDecay) : s.WeightDecay,
                Epochs = Given(epochs) ? parse.GetValue(epochs) : s.Epochs,
                Batch = Given(batch) ? parse.GetValue(batch) : s.Batch,
                EvalEvery = Given(evalEvery) ? parse.GetValue(evalEvery) : s.EvalEvery,
                Seed = Given(seed) ? parse.GetValue(seed) : s.Seed,
                Out = Given(output) ? parse.GetValue(output)! : s.Out,
                Init = Given(init) ? parse.GetValue(init) : s.Init,
                LearnSigma = Given(learnSigma) ? parse.GetValue(learnSigma) : s.LearnSigma,
                Binarize = Given(binarize) ? parse.GetValue(binarize) : s.Binarize,
                Array = Given(array) ? parse.GetValue(array) : s.Array,
                Precision = Given(precision) ? parse.GetValue(precision)! : s.Precision,
                Layers = Given(layers) ? parse.GetValue(layers) : s.Layers,
                Activation = Given(activation) ? parse.GetValue(activation)! : s.Activation,
                NoiseScales = Given(noiseScales) ? parse.GetValue(noiseScales)! : s.NoiseScales,
                NoiseRatio = Given(noiseRatio) ? parse.GetValue(noiseRatio) : s.NoiseRatio,
                Projections = Given(projections) ? parse.GetValue(projections) : s.Projections,
                LangevinSteps = Given(langevinSteps) ? parse.GetValue(langevinSteps) : s.LangevinSteps,
                LangevinStepSize = Given(langevinStepSize) ? parse.GetValue(langevinStepSize) : s.LangevinStepSize,
                LangevinNoise = Given(langevinNoise) ? parse.GetValue(langevinNoise) : s.LangevinNoise,
                Buffer = Given(buffer) ? parse.GetValue(buffer) : s.Buffer,
                EnergyRegularisation = Given(energyRegularisation) ? parse.GetValue(energyRegularisation) : s.EnergyRegularisation,
            };

            var configPath = parse.GetValue(config);
            var fromConfig = configPath is null
                ? FinSucc((Settings: new TrainSettings(), Extras: new TrainSettingsJson.Extras(null, false)))
                : BoundedFile.ReadAllBytes(configPath, TrainSettingsJson.MaxBytes)
                    .Bind(bytes => Utf8Text.Decode(bytes, configPath))
                    .Bind(text => TrainSettingsJson.Parse(configPath, text, new TrainSettings()));
            if (fromConfig.IsFail) return ErrorReport.Write(context, (Error)fromConfig);
            var (configured, extras) = ((TrainSettings, TrainSettingsJson.Extras))fromConfig;
            var forced = parse.GetValue(force) || extras.Force;
            var resumeFolder = Given(resume) ? parse.GetValue(resume) : extras.Resume;

            var target = ClusterTarget.Of(
                Given(cluster.Address) ? parse.GetValue(cluster.Address) : extras.Cluster,
                Given(cluster.Name) ? parse.GetRequiredValue(cluster.Name) : extras.ClusterName ?? ClusterTarget.DefaultName,
                Given(cluster.Timeout) ? parse.GetValue(cluster.Timeout) : extras.ClusterTimeout ?? parse.GetValue(cluster.Timeout));
            if (target.IsFail) return ErrorReport.Write(context, Error.Many(target.FailToSeq()));
            var chosen = ClusterOptions.Chosen(target);

            if (resumeFolder is not null)
            {
                var others = command.Options.Where(o => o != epochs && o != force && o != resume && !cluster.All.Contains(o) && Given(o)).Select(o => o.Name).ToList();
                if (configPath is not null || others.Count > 0)
                    return ErrorReport.Write(context, CliErrors.InvalidOption("--resume",
                        $"continues a run with the settings of its checkpoint; only --epochs (to train longer), --force and the --cluster options may go with it, not {string.Join(", ", configPath is null ? others : others.Prepend("CONFIG.json"))}"));
                return Resume(context, resumeFolder, Given(epochs) ? parse.GetValue(epochs) : null, forced, chosen);
            }

            var settings = FromOptions(configured);
            var problems = settings.Check().ToList();
            var folder = TrainFolder.ForFreshRun(settings.Out);
            problems.AddRange(folder.Match(_ => [], ErrorReport.Flatten));
            if (problems.Count == 0 && chosen is not null) problems.AddRange(TrainCluster.Check(settings).Match(_ => [], ErrorReport.Flatten));
            if (problems.Count > 0) return ErrorReport.Write(context, Error.Many(problems.ToSeq()));
            return ClusterOptions.Run(context, chosen, executor => TrainJob.Run(context, settings, (TrainFolder)folder, resume: false, forced, configPath, executor, chosen?.Gateway.ToString()));
        });
        return command;
    }

    private static int Resume(CliContext context, string path, int? epochs, bool force, ClusterTarget? cluster)
    {
        var settings =
            from folder in TrainFolder.ForResume(path)
            from text in CheckpointFile.Settings(folder.File(TrainFolder.Checkpoint))
            from read in TrainSettingsJson.Parse(folder.File(TrainFolder.Checkpoint), text, new TrainSettings())
            let resumed = read.Settings with { Out = path, Epochs = epochs ?? read.Settings.Epochs }
            from valid in resumed.Check() is { Count: > 0 } errors ? FinFail<TrainSettings>(Error.Many(errors.ToSeq())) : FinSucc(resumed)
            from runs in cluster is null ? FinSucc(valid) : TrainCluster.Check(valid)
            select (folder, valid);
        return settings.Match(
            Succ: r => ClusterOptions.Run(context, cluster, executor => TrainJob.Run(context, r.valid, r.folder, resume: true, force, null, executor, cluster?.Gateway.ToString())),
            Fail: e => ErrorReport.Write(context, e));
    }

    private static System.CommandLine.Option<string?> Text(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName };
}
