using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>
/// Generators of argument vectors: a command, a model file (good, corrupt, missing or not a model), and up to
/// six options drawn from every command's options with valid and hostile values, written "--name value" or
/// "--name=value", now and then a repeated, unknown or foreign option. Counts (particles, steps, chains, ...)
/// are small or out of range, never large and valid, so that every run is quick; real-valued options get
/// extreme literals (1e308, -0, 1e-320, NaN, a lone surrogate, a line break).
/// </summary>
public static class ArgumentVectorArbitrary
{
    private static readonly string[] Models = ["ising.json", "rbm.json", "grbm.json", "bm.json", "gaussian.json", "well.json", "ring.json", "mixture.json"];

    private static readonly string[] Numbers =
    [
        "1", "0.5", "2", "0.1", "0", "-0", "-1", "1e308", "-1e308", "1e-320", "4.9e-324", "1e999", "NaN", "nan", "Infinity", "-Infinity",
        "\u221e", "1,5", "1.5e", "+0.5", ".5", "5.", "1_000", "0x10", "\u0661", "", " ", "\ud800", "1\n2", "abc",
    ];

    private static readonly string[] Counts = ["1", "2", "3", "5", "8", "0", "-1", "-2147483648", "2147483648", "99999999999", "1.5", "1e3", "abc", "", "\u0663"];

    private static readonly string[] Seeds = ["0", "1", "42", "18446744073709551615", "18446744073709551616", "-1", "1e3", "x"];

    private static readonly string[] Outputs = ["out.csv", "plot.png", "no-such-dir/out.csv", ".", "", "rbm.json"];

    private static readonly Dictionary<string, string[]> Choices = new()
    {
        ["--method"] = ["exact", "is", "ais", "reverse-ais", "sandwich", "smc", "bridge", "linked-is", "ti", "magic", "EXACT", ""],
        ["--exact-method"] = ["auto", "enumeration", "layer-sum", "kaufman", "transfer-matrix", "closed-form", "quadrature", "monte-carlo"],
        ["--schedule"] = ["linear", "geometric", "sigmoid", "adaptive", "schedule.txt", "bad-schedule.txt", "missing.txt", "data.txt"],
        ["--kernel"] = ["auto", "gibbs", "metropolis", "checkerboard", "wolff", "swendsen-wang", "block-gibbs", "mala", "hmc", "teleport"],
        ["--data"] = ["data.txt", "bad-data.txt", "missing.txt", "schedule.txt", "rbm.json"],
        ["--resampling"] = ["multinomial", "systematic", "stratified", "residual", "lottery"],
        ["--versus"] = [.. Models, "bad.json", "missing.json"],
        ["--sampler"] = ["gibbs", "metropolis", "pt", "checkerboard", "wolff", "swendsen-wang", "hmc", "mala", "langevin", "nuts"],
        ["--plot-axis"] = ["beta", "temperature", "energy"],
        ["--beta-sweep"] = ["0.1:1:0.1", "0:2:0.5", "0.5", "1:0:0.1", "0:1:0", "0:1:-0.1", "0:1e308:1e-308", "0:1:NaN", "1:2", "a:b:c", "-1:1:0.5", "0:1:0.1:2"],
    };

    private static readonly Dictionary<string, string[]> CommandOptions = new()
    {
        ["logz"] =
        [
            "--method", "--exact-method", "--beta", "--particles", "--steps", "--schedule", "--kernel", "--data", "--seed", "--step-size", "--leapfrog-steps",
            "--reference-scale", "--resampling", "--ess-threshold", "--repetitions", "--target-cess", "--versus", "--json", "--plot", "--compare", "--no-exact",
        ],
        ["thermo"] = ["--beta", "--method", "--exact-method", "--json", "--csv", "--plot", "--plot-axis"],
        ["sample"] =
        [
            "--sampler", "--chains", "--steps", "--burn-in", "--thin", "--leapfrog-steps", "--rungs", "--beta-ratio", "--beta", "--seed", "--step-size",
            "--out", "--trace-plot", "--json",
        ],
    };

    private static readonly string[] Flags = ["--json", "--compare", "--no-exact"];

    private static readonly string[] CountOptions = ["--particles", "--steps", "--repetitions", "--leapfrog-steps", "--chains", "--burn-in", "--thin", "--rungs"];

    private static readonly string[] OutputOptions = ["--plot", "--csv", "--out", "--trace-plot"];

    /// <summary>The generator.</summary>
    public static Arbitrary<ArgumentVector> Vector() => Arb.From(
        from command in Gen.Frequency((5, Gen.Constant("logz")), (2, Gen.Constant("thermo")), (3, Gen.Constant("sample")))
        from model in Gen.Frequency(
            (8, Gen.Elements(Models).Select(m => new[] { m })),
            (2, Gen.Constant(new[] { "bad.json" })),
            (1, Gen.Elements("missing.json", "data.txt", "", ".").Select(m => new[] { m })),
            (1, Gen.Constant(Array.Empty<string>())))
        from count in Gen.Choose(0, 6)
        from options in Gen.ArrayOf(Option(command), count)
        from root in Gen.Frequency((9, Gen.Constant(Array.Empty<string>())), (1, Gen.Elements(Seeds).Select(s => new[] { "--seed", s })))
        from extra in Gen.Frequency((9, Gen.Constant(Array.Empty<string>())), (1, Gen.Elements("--bogus", "-x", "--", "@missing", "logz", "--help", "--version").Select(e => new[] { e })))
        from sweep in Gen.Elements(Choices["--beta-sweep"])
        from bad in ReaderInputArbitrary.Model()
        select new ArgumentVector(
            [.. root, command, .. model, .. command == "thermo" ? new[] { "--beta", sweep } : [], .. options.SelectMany(o => o), .. extra],
            bad));

    /// <summary>One option with its value (none for a flag), sometimes as --name=value, now and then another command's.</summary>
    private static Gen<string[]> Option(string command) =>
        from own in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from name in Gen.Elements(own ? CommandOptions[command] : CommandOptions.Values.SelectMany(o => o).Distinct().ToArray())
        from value in Value(name, command)
        from joined in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Flags.Contains(name) ? [name] : joined ? [$"{name}={value}"] : new[] { name, value };

    private static Gen<string> Value(string name, string command) => name switch
    {
        _ when CountOptions.Contains(name) => Gen.Elements(Counts),
        _ when OutputOptions.Contains(name) => Gen.Elements(Outputs),
        "--seed" => Gen.Elements(Seeds),
        "--beta" when command == "thermo" => Gen.Elements(Choices["--beta-sweep"]),
        _ when Choices.TryGetValue(name, out var choices) => Gen.Frequency((4, Gen.Elements(choices)), (1, Gen.Elements(Numbers))),
        _ => Gen.Elements(Numbers),
    };
}
