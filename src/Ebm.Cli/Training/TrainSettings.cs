using Ebm.Cli.Output;
using LanguageExt.Common;

namespace Ebm.Cli.Training;

/// <summary>
/// Everything <c>ebm train</c> is told: one field per option, filled from the defaults, then the JSON configuration
/// file, then the options given on the command line (<see cref="TrainSettingsJson"/> names the keys).
/// </summary>
internal sealed record TrainSettings
{
    /// <summary>The model families <c>--model</c> accepts.</summary>
    public static readonly string[] Models = ["bernoulli-rbm", "gaussian-bernoulli-rbm", "boltzmann-machine", "ising", "mlp", "mlp-classifier"];

    /// <summary>The objectives <c>--objective</c> accepts.</summary>
    public static readonly string[] Objectives = ["exact", "cd", "pcd", "tempered", "pl", "ratio", "sm", "ssm", "dsm", "nce", "ml-langevin", "jem", "classifier"];

    /// <summary>The optimizers <c>--optimizer</c> accepts.</summary>
    public static readonly string[] Optimizers = ["sgd", "momentum", "adam", "adamw"];

    /// <summary>Most hidden units, chains, replicas, Gibbs steps and epochs accepted: beyond these a run is a mistake, not a plan.</summary>
    public const int MaxHidden = 100_000, MaxChains = 100_000, MaxReplicas = 256, MaxK = 10_000, MaxEpochs = 10_000_000;

    /// <summary>The default output folder.</summary>
    public const string DefaultOut = "ebm-train";

    /// <summary>The model family (--model).</summary>
    public string Model { get; init; } = "";

    /// <summary>Hidden units of an RBM (--hidden); 0 when not given.</summary>
    public int Hidden { get; init; }

    /// <summary>The training data (--data): builtin:bars-and-stripes:N, builtin:ising:L:BETA[:COUNT] or a file.</summary>
    public string Data { get; init; } = "";

    /// <summary>A file of test examples (--test), or null.</summary>
    public string? Test { get; init; }

    /// <summary>The fraction of the data held out as test examples (--test-fraction), 0 for none.</summary>
    public double TestFraction { get; init; }

    /// <summary>The objective (--objective).</summary>
    public string Objective { get; init; } = "";

    /// <summary>Gibbs steps of CD-k and PCD (--k).</summary>
    public int K { get; init; } = 1;

    /// <summary>Persistent chains of PCD and tempered SML (--chains).</summary>
    public int Chains { get; init; } = 100;

    /// <summary>Temperatures of tempered SML (--replicas).</summary>
    public int Replicas { get; init; } = 5;

    /// <summary>The optimizer (--optimizer).</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>The learning rate (--lr).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Weight decay on the weights, never the biases (--weight-decay): an L2 penalty, decoupled for adamw.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Epochs (--epochs).</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Examples per update (--batch).</summary>
    public int Batch { get; init; } = 10;

    /// <summary>Epochs between evaluations and checkpoints (--eval-every).</summary>
    public int EvalEvery { get; init; } = 10;

    /// <summary>The seed of every random number of the run (--seed).</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>The output folder (--out).</summary>
    public string Out { get; init; } = DefaultOut;

    /// <summary>Whether a Gaussian-Bernoulli RBM learns its visible standard deviations (--learn-sigma); fixed at the start's otherwise.</summary>
    public bool LearnSigma { get; init; }

    /// <summary>How a data file's values become 0/1 (--binarize): null (they must be 0/1 already), "threshold", "threshold:T" or "stochastic".</summary>
    public string? Binarize { get; init; }

    /// <summary>The array of a .npz data file to train on (--array), or null when the file holds one.</summary>
    public string? Array { get; init; }

    /// <summary>The precision of CD and PCD's matrix products for a Bernoulli RBM (--precision): "f64" or "f32".</summary>
    public string Precision { get; init; } = "f64";

    /// <summary>A model file to start from (--init), or null for a seeded initial model.</summary>
    public string? Init { get; init; }

    /// <summary>The hidden layers of an mlp (--layers): "2x64" (two of 64) or "64,32"; null for <see cref="DefaultLayers"/>.</summary>
    public string? Layers { get; init; }

    /// <summary>The hidden layers of an mlp when --layers is not given.</summary>
    public const string DefaultLayers = "2x64";

    /// <summary>The hidden activation of an mlp (--activation): softplus, tanh or silu.</summary>
    public string Activation { get; init; } = "softplus";

    /// <summary>The noise scales of dsm (--noise-scales), separated by commas, in the data's units.</summary>
    public string NoiseScales { get; init; } = "0.1";

    /// <summary>Noise samples per data example of nce (--noise-ratio).</summary>
    public double NoiseRatio { get; init; } = 1.0;

    /// <summary>Random projections per example of ssm (--projections).</summary>
    public int Projections { get; init; } = 1;

    /// <summary>Langevin steps of the negative phase of ml-langevin and jem (--langevin-steps).</summary>
    public int LangevinSteps { get; init; } = 20;

    /// <summary>The Langevin step size eps (--langevin-step-size).</summary>
    public double LangevinStepSize { get; init; } = 0.01;

    /// <summary>The standard deviation of the Langevin noise per step (--langevin-noise); null for sqrt(2 eps).</summary>
    public double? LangevinNoise { get; init; }

    /// <summary>Persistent Langevin samples kept in a replay buffer (--buffer); 0 for short-run chains from fresh starts.</summary>
    public int Buffer { get; init; }

    /// <summary>alpha of the energy regulariser alpha (E(x+)^2 + E(x-)^2) of ml-langevin and jem (--energy-regularisation).</summary>
    public double EnergyRegularisation { get; init; }

    /// <summary>Most Langevin steps, projections and buffered samples accepted.</summary>
    public const int MaxLangevinSteps = 10_000, MaxProjections = 1_000, MaxBuffer = 1_000_000;

    /// <summary>True for the neural families, mlp and mlp-classifier.</summary>
    public bool IsNetwork => Model is "mlp" or "mlp-classifier";

    /// <summary>True for the RBM families, which have a hidden layer.</summary>
    public bool HasHidden => Model is "bernoulli-rbm" or "gaussian-bernoulli-rbm";

    /// <summary>Every problem with the values, each naming its option.</summary>
    public IReadOnlyList<Error> Check()
    {
        var errors = new List<Error>();
        void Add(string option, string problem) => errors.Add(CliErrors.InvalidOption(option, problem));
        if (!Models.Contains(Model)) Add("--model", Model.Length == 0 ? $"is required: one of {string.Join(", ", Models)}" : $"must be one of {string.Join(", ", Models)}, got \"{Model}\"");
        if (!Objectives.Contains(Objective)) Add("--objective", Objective.Length == 0 ? $"is required: one of {string.Join(", ", Objectives)}" : $"must be one of {string.Join(", ", Objectives)}, got \"{Objective}\"");
        if (!Optimizers.Contains(Optimizer)) Add("--optimizer", $"must be one of {string.Join(", ", Optimizers)}, got \"{Optimizer}\"");
        if (Data.Length == 0) Add("--data", "is required: builtin:bars-and-stripes:N, builtin:ising:L:BETA, builtin:TOY[:COUNT] or a data file");
        if (HasHidden && Init is null && (Hidden < 1 || Hidden > MaxHidden)) Add("--hidden", $"must be between 1 and {MaxHidden} for {Model}, got {Hidden}");
        if (!HasHidden && Hidden != 0 && Models.Contains(Model)) Add("--hidden", $"applies to the RBMs only; {Model} has no hidden layer");
        if (Test is not null && TestFraction != 0) Add("--test-fraction", "cannot go with --test: give a test file or a fraction to hold out, not both");
        if (!(TestFraction >= 0 && TestFraction < 1)) Add("--test-fraction", $"must be in [0, 1), got {Numbers.Exact(TestFraction)}");
        if (K < 1 || K > MaxK) Add("--k", $"must be between 1 and {MaxK}, got {K}");
        if (Chains < 1 || Chains > MaxChains) Add("--chains", $"must be between 1 and {MaxChains}, got {Chains}");
        if (Replicas < 2 || Replicas > MaxReplicas) Add("--replicas", $"must be between 2 and {MaxReplicas}, got {Replicas}");
        if (!(LearningRate > 0 && double.IsFinite(LearningRate))) Add("--lr", $"must be a finite number > 0, got {Numbers.Exact(LearningRate)}");
        if (!(WeightDecay >= 0 && double.IsFinite(WeightDecay))) Add("--weight-decay", $"must be a finite number >= 0, got {Numbers.Exact(WeightDecay)}");
        if (Epochs < 1 || Epochs > MaxEpochs) Add("--epochs", $"must be between 1 and {MaxEpochs}, got {Epochs}");
        if (Batch < 1) Add("--batch", $"must be at least 1, got {Batch}");
        if (EvalEvery < 1) Add("--eval-every", $"must be at least 1, got {EvalEvery}");
        if (LearnSigma && Model != "gaussian-bernoulli-rbm" && Models.Contains(Model)) Add("--learn-sigma", $"applies to gaussian-bernoulli-rbm only, not {Model}");
        if (string.IsNullOrWhiteSpace(Out)) Add("--out", "the folder's path is empty");
        if (Binarize is not null && !TrainBinarisation.TryParse(Binarize, out _, out var binarizeProblem)) Add("--binarize", binarizeProblem);
        if (Binarize is not null && (Model == "gaussian-bernoulli-rbm" || IsNetwork)) Add("--binarize", $"applies to the binary families (bernoulli-rbm, boltzmann-machine, ising), not {Model}");
        if (Binarize is not null && Data.StartsWith(TrainDataSource.Builtin, StringComparison.Ordinal)) Add("--binarize", "applies to data files; the built-in data sets are binary already");
        if (Array is not null && Array.Length == 0) Add("--array", "the array's name is empty");
        if (Layers is not null && !IsNetwork && Models.Contains(Model)) Add("--layers", $"applies to mlp and mlp-classifier, not {Model}");
        if (IsNetwork && !NetworkShape.TryHiddenWidths(Layers ?? DefaultLayers, out _, out var layersProblem)) Add("--layers", layersProblem);
        if (!Functional.Shell.ModelFiles.MlpActivations.Names.Contains(Activation)) Add("--activation", $"must be one of {string.Join(", ", Functional.Shell.ModelFiles.MlpActivations.Names)}, got \"{Activation}\"");
        if (!NetworkShape.TryNoiseScales(NoiseScales, out _, out var scalesProblem)) Add("--noise-scales", scalesProblem);
        if (!(NoiseRatio > 0 && double.IsFinite(NoiseRatio))) Add("--noise-ratio", $"must be a finite number > 0, got {Numbers.Exact(NoiseRatio)}");
        if (Projections < 1 || Projections > MaxProjections) Add("--projections", $"must be between 1 and {MaxProjections}, got {Projections}");
        if (LangevinSteps < 1 || LangevinSteps > MaxLangevinSteps) Add("--langevin-steps", $"must be between 1 and {MaxLangevinSteps}, got {LangevinSteps}");
        if (!(LangevinStepSize > 0 && double.IsFinite(LangevinStepSize))) Add("--langevin-step-size", $"must be a finite number > 0, got {Numbers.Exact(LangevinStepSize)}");
        if (LangevinNoise is { } noise && !(noise >= 0 && double.IsFinite(noise))) Add("--langevin-noise", $"must be a finite number >= 0, got {Numbers.Exact(noise)}");
        if (Buffer < 0 || Buffer > MaxBuffer) Add("--buffer", $"must be between 0 (short-run chains) and {MaxBuffer}, got {Buffer}");
        if (!(EnergyRegularisation >= 0 && double.IsFinite(EnergyRegularisation))) Add("--energy-regularisation", $"must be a finite number >= 0, got {Numbers.Exact(EnergyRegularisation)}");
        if (Precision is not ("f64" or "f32")) Add("--precision", $"must be f64 or f32, got \"{Precision}\"");
        if (Precision == "f32" && !(Model == "bernoulli-rbm" && Objective is "cd" or "pcd") && Models.Contains(Model) && Objectives.Contains(Objective))
            Add("--precision", $"f32 applies to cd and pcd of bernoulli-rbm (their matrix products in float32), not {Objective} of {Model}");
        return errors;
    }
}
