using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;
using LanguageExt;

namespace Ebm.Functional.Tests.Shell.ModelFiles;

/// <summary>Every kind of bad model file fails with a message naming the field and the problem.</summary>
public sealed class ModelFileErrorTests
{
    private static string RbmWithRaggedRow()
    {
        var rows = Enumerable.Range(0, 5).Select(i => "[" + string.Join(",", Enumerable.Repeat("0.5", i == 3 ? 19 : 20)) + "]");
        var hidden = string.Join(",", Enumerable.Repeat("0", 20));
        return $$"""{"kind":"bernoulli-rbm","weights":[{{string.Join(",", rows)}}],"visibleBias":[0,0,0,0,0],"hiddenBias":[{{hidden}}]}""";
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "{\n  \"kind\": \"gaussian\",\n  \"mean\": [1,,2]\n}", "not valid JSON at line 3, position 14" },
        { "", "not valid JSON at line 1" },
        { """{"kind":"gaussian","mean":[NaN]}""", "not valid JSON" },
        { "[1, 2]", "must hold a JSON object" },
        { "\"ising\"", "must hold a JSON object" },
        { """{"rows":4}""", "kind: missing; expected one of bernoulli-rbm, gaussian-bernoulli-rbm, ising" },
        { """{"kind":"isng","rows":4}""", "kind: unknown kind \"isng\"; expected one of bernoulli-rbm" },
        { """{"kind":7}""", "kind: expected a string" },
        { """{"kind":"ising","columns":4}""", "rows: missing; expected a whole number" },
        { """{"kind":"ising","rows":"4","columns":4}""", "rows: expected a number, got the string \"4\"" },
        { """{"kind":"ising","rows":4.5,"columns":4}""", "rows: expected a whole number, got 4.5" },
        { """{"kind":"ising","rows":1e12,"columns":4}""", "rows: 1e12 is out of range" },
        { """{"kind":"ising","rows":5000,"columns":4}""", "rows: size 5000 exceeds the limit of 4096" },
        { """{"kind":"ising","rows":0,"columns":4}""", "rows: must be at least 1" },
        { """{"kind":"ising","rows":4,"columns":4,"boundary":"toroidal"}""", "boundary: \"toroidal\" is not one of \"periodic\" or \"open\"" },
        { """{"kind":"ising","rows":4,"columns":4,"colums":4}""", "unknown key \"colums\" (did you mean \"columns\"?) for kind ising" },
        { """{"kind":"ising","rows":4,"columns":4,"rows":5}""", "rows: given more than once" },
        { RbmWithRaggedRow(), "weights: row 3 has 19 values, expected 20" },
        { """{"kind":"bernoulli-rbm","weights":[[1],[2]],"visibleBias":[0,0,0],"hiddenBias":[0]}""", "weights: has 2 rows, expected 3 (one per visible unit)" },
        { """{"kind":"bernoulli-rbm","weights":[[1],[2]],"visibleBias":[0,0],"hiddenBias":[0,0]}""", "weights: has 1 columns, expected 2" },
        { """{"kind":"bernoulli-rbm","weights":[1,2],"visibleBias":[0,0],"hiddenBias":[0]}""", "weights[0]: expected an array of numbers (a row), got the number 1" },
        { """{"kind":"bernoulli-rbm","weights":{"a":1},"visibleBias":[0],"hiddenBias":[0]}""", "weights: expected an array of rows (arrays of numbers), got an object" },
        { """{"kind":"bernoulli-rbm","weigths":[[1]],"visibleBias":[0],"hiddenBias":[0]}""", "unknown key \"weigths\" (did you mean \"weights\"?)" },
        { """{"kind":"gaussian-bernoulli-rbm","weights":[[1],[2]],"visibleBias":[0,0],"hiddenBias":[0],"sigma":[1,0]}""", "sigma: entry 1 = 0, expected a positive number" },
        { """{"kind":"gaussian-bernoulli-rbm","weights":[[1],[2]],"visibleBias":[0,0],"hiddenBias":[0],"sigma":[1,-2]}""", "sigma: entry 1 = -2, expected a positive number" },
        { """{"kind":"gaussian-bernoulli-rbm","weights":[[1],[2]],"visibleBias":[0,0],"hiddenBias":[0],"sigma":[1]}""", "sigma: has 1 values, expected 2" },
        { """{"kind":"boltzmann-machine","states":"spin","couplings":[[0,1],[2,0]],"biases":[0,0]}""", "couplings: is not symmetric: [0][1] = 1 but [1][0] = 2" },
        { """{"kind":"boltzmann-machine","states":"ternary","couplings":[[0]],"biases":[0]}""", "states: \"ternary\" is not one of \"binary\" or \"spin\"" },
        { """{"kind":"boltzmann-machine","couplings":[[0]],"biases":[0]}""", "states: missing" },
        { """{"kind":"gaussian","mean":[0,"NaN"],"precision":[[1,0],[0,1]]}""", "mean[1]: the string \"NaN\" is not a finite number" },
        { """{"kind":"gaussian","mean":[0,"-Infinity"],"precision":[[1,0],[0,1]]}""", "mean[1]: the string \"-Infinity\" is not a finite number" },
        { """{"kind":"gaussian","mean":[0,0],"precision":[[1e999,0],[0,1]]}""", "precision[0][0]: 1e999 is not a finite number" },
        { """{"kind":"gaussian","mean":[0,0],"precision":[[1,2],[2,1]]}""", "precision: is not positive definite" },
        { """{"kind":"gaussian","mean":[0,0],"precision":[[1,0],[0,1],[0,0]]}""", "precision: is 3 x 2, expected a square matrix" },
        { """{"kind":"gaussian","mean":[0,0],"precision":[[1,0],[0,true]]}""", "precision[1][1]: expected a number, got true" },
        { """{"kind":"double-well","barrier":-1}""", "barrier: = -1, expected a positive number" },
        { """{"kind":"ring","scale":0}""", "scale: = 0, expected a positive number" },
        { """{"kind":"ring","radius":null}""", "radius: expected a number, got null" },
        { """{"kind":"gaussian-mixture-2d","weights":[1],"means":[[0,0,0]],"sigmas":[1]}""", "means: rows have 3 values, expected 2" },
        { """{"kind":"gaussian-mixture-2d","weights":[1,0],"means":[[0,0],[1,1]],"sigmas":[1,1]}""", "weights: entry 1 = 0, expected a positive number" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_fails_with_a_message_naming_the_field_and_the_problem(string json, string expected)
    {
        var messages = Messages(ModelFile.Parse(json));
        Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain("   at ", m));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var messages = Messages(ModelFile.Parse("""{"kind":"ising","rows":"x","columns":-1,"boundary":"round","extra":1}"""));
        Assert.Contains(messages, m => m.StartsWith("rows:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("boundary:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("\"extra\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Sizes_over_the_limits_are_refused_before_reading_the_values()
    {
        var mean = string.Join(",", Enumerable.Repeat("0", ModelLimits.MaxGaussianDimension + 1));
        var messages = Messages(ModelFile.Parse($$"""{"kind":"gaussian","mean":[{{mean}}],"precision":[]}"""));
        Assert.Contains(messages, m => m.Contains($"mean: size {ModelLimits.MaxGaussianDimension + 1} exceeds the limit of {ModelLimits.MaxGaussianDimension}"));
    }

    [Fact]
    public void Load_names_the_path_in_every_message()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"kind":"ising","rows":"4","columns":4,"fields":1}""");
            var messages = Messages(ModelFile.Load(path));
            Assert.Equal(2, messages.Count);
            Assert.All(messages, m => Assert.StartsWith($"{path}: ", m));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_and_a_directory_are_reported_as_such()
    {
        Assert.Equal(["/no/such/model.json: file not found"], Messages(ModelFile.Load("/no/such/model.json")));
        var directory = Path.GetTempPath();
        Assert.Contains("cannot be read: it is a directory", Messages(ModelFile.Load(directory))[0]);
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"kind":"ring"}""");
            Assert.Equal([$"{path}: the file has 15 bytes, more than the limit of 10 bytes"], Messages(ModelFile.Load(path, maxBytes: 10)));
            Assert.True(ModelFile.Load(path, maxBytes: 15).IsSucc);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void All_errors_are_expected_errors()
    {
        var error = ModelFile.Parse("""{"kind":"gaussian","mean":[0,0],"precision":[[1,2],[2,1]]}""").Match(_ => throw new InvalidOperationException(), e => e);
        Assert.True(error.IsExpected);
    }

    internal static List<string> Messages<T>(Fin<T> result) => Failures.Of(result).Select(e => e.Message).ToList();
}
