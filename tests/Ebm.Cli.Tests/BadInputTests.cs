namespace Ebm.Cli.Tests;

/// <summary>
/// Every kind of bad input exits with code 2, prints "ebm: error: " and a message naming the field
/// and the problem on stderr, nothing on stdout, and no stack trace.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private static string RbmWithRaggedRow()
    {
        var rows = Enumerable.Range(0, 4).Select(i => "[" + string.Join(", ", Enumerable.Repeat("0.1", i == 3 ? 19 : 20)) + "]");
        return $$"""{"kind":"bernoulli-rbm","weights":[{{string.Join(",\n", rows)}}],"visibleBias":[0,0,0,0],"hiddenBias":[{{string.Join(",", Enumerable.Repeat("0", 20))}}]}""";
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "not-json", "{\n  \"kind\": \"ising\",\n  \"rows\": 4,,\n}", "not valid JSON at line 3, position 13" },
        { "empty", "", "not valid JSON at line 1, position 1" },
        { "not-an-object", "[[1, 0], [0, 1]]", "must hold a JSON object" },
        { "missing-kind", """{"rows": 4, "columns": 4}""", "kind: missing; expected one of bernoulli-rbm, gaussian-bernoulli-rbm, ising, boltzmann-machine, gaussian, double-well, ring, gaussian-mixture-2d, mlp, mlp-classifier" },
        { "unknown-kind", """{"kind": "heisenberg"}""", "kind: unknown kind \"heisenberg\"; expected one of bernoulli-rbm, gaussian-bernoulli-rbm, ising" },
        { "missing-field", """{"kind": "gaussian", "mean": [0]}""", "precision: missing" },
        { "wrong-type", """{"kind": "ising", "rows": 4, "columns": [4]}""", "columns: expected a number, got an array of 1 values" },
        { "ragged", RbmWithRaggedRow(), "weights: row 3 has 19 values, expected 20" },
        { "mis-sized", """{"kind": "bernoulli-rbm", "weights": [[1, 2]], "visibleBias": [0], "hiddenBias": [0, 0, 0]}""", "weights: has 2 columns, expected 3 (one per hidden unit)" },
        { "non-symmetric", """{"kind": "boltzmann-machine", "states": "binary", "couplings": [[0, 1], [-1, 0]], "biases": [0, 0]}""", "couplings: is not symmetric" },
        { "nan-string", """{"kind": "ring", "radius": "NaN"}""", "radius: the string \"NaN\" is not a finite number" },
        { "infinity-string", """{"kind": "double-well", "barrier": "Infinity"}""", "barrier: the string \"Infinity\" is not a finite number" },
        { "overflow", """{"kind": "gaussian", "mean": [1e999], "precision": [[1]]}""", "mean[0]: 1e999 is not a finite number" },
        { "non-positive-sigma", """{"kind": "gaussian-bernoulli-rbm", "weights": [[1]], "visibleBias": [0], "hiddenBias": [0], "sigma": [0]}""", "sigma: entry 0 = 0, expected a positive number" },
        { "not-positive-definite", """{"kind": "gaussian", "mean": [0, 0], "precision": [[1, 3], [3, 1]]}""", "precision: is not positive definite" },
        { "over-the-limit", """{"kind": "ising", "rows": 4097, "columns": 4}""", "rows: size 4097 exceeds the limit of 4096" },
        { "unknown-key", """{"kind": "ising", "rows": 4, "columns": 4, "coupling": 1, "feild": 0.1}""", "unknown key \"feild\" (did you mean \"field\"?) for kind ising" },
        { "bad-boundary", """{"kind": "ising", "rows": 4, "columns": 4, "boundary": "helical"}""", "boundary: \"helical\" is not one of \"periodic\" or \"open\"" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_model_file_is_exit_code_2_with_a_message_naming_the_field(string name, string content, string expected)
    {
        var path = _files.Write($"{name}.json", content);
        foreach (var run in new[] { CliRun.Invoke("logz", path, "--method", "exact"), CliRun.Invoke("thermo", path, "--beta", "0.5:1:0.5") })
        {
            Assert.Equal(2, run.Code);
            Assert.Equal("", run.Out);
            Assert.StartsWith($"ebm: error: {path}: ", run.Err);
            Assert.Contains(expected, run.Err);
            Assert.False(run.HasStackTrace);
        }
    }

    [Fact]
    public void A_missing_file_is_exit_code_2()
    {
        var path = _files.Path("absent.json");
        var run = CliRun.Invoke("logz", path);
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: {path}: file not found\n", run.Err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var path = _files.Path("huge.json");
        using (var stream = File.Create(path)) stream.SetLength(Functional.Shell.ModelFiles.ModelFile.MaxFileBytes + 1);
        var run = CliRun.Invoke("logz", path);
        Assert.Equal(2, run.Code);
        Assert.Contains($"{path}: the file has {256L * 1024 * 1024 + 1} bytes, more than the limit of {256L * 1024 * 1024} bytes", run.Err);
    }

    [Fact]
    public void Several_problems_are_each_reported_on_their_own_line()
    {
        var path = _files.Write("many.json", """{"kind": "ising", "rows": -1, "columns": 5000, "coupling": "strong"}""");
        var run = CliRun.Invoke("logz", path);
        Assert.Equal(2, run.Code);
        var lines = run.Err.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.All(lines, l => Assert.StartsWith($"ebm: error: {path}: ", l));
        Assert.Contains(lines, l => l.Contains("coupling: expected a number", StringComparison.Ordinal));
    }

    public static TheoryData<string[], string> BadOptions() => new()
    {
        { ["logz", "MODEL", "--beta", "abc"], "--beta" },
        { ["logz", "MODEL", "--beta", "-1"], "beta: -1 is not valid" },
        { ["logz", "MODEL", "--beta", "NaN"], "--beta: \"NaN\" is not a finite number" },
        { ["logz", "MODEL", "--method", "magic"], "--method: \"magic\" is not one of exact, is, ais, reverse-ais, sandwich, smc, bridge, linked-is, ti" },
        { ["logz", "MODEL", "--exact-method", "monte-carlo"], "--exact-method: \"monte-carlo\" is not one of auto, enumeration, layer-sum, kaufman, transfer-matrix, closed-form, quadrature" },
        { ["logz", "MODEL", "--bogus"], "--bogus" },
        { ["logz"], "Required argument missing" },
        { ["frobnicate"], "frobnicate" },
        { ["thermo", "MODEL", "--beta", "1", "--plot-axis", "energy"], "--plot-axis: \"energy\" is not one of beta, temperature" },
        { ["--seed", "-3"], "--seed" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_value_is_exit_code_2(string[] args, string expected)
    {
        var model = _files.Write("g.json", GaussianCases.Named("correlated-2d").Json);
        var run = CliRun.Invoke(args.Select(a => a == "MODEL" ? model : a).ToArray());
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: ", run.Err);
        Assert.Contains(expected, run.Err);
        Assert.Equal("", run.Out);
        Assert.False(run.HasStackTrace);
    }
}
