using System.CommandLine;
using Ebm.Cli.Output;

namespace Ebm.Cli.Tests;

/// <summary>
/// Numbers on the command line mean what they say: one syntax (invariant culture, '.' decimal point, no thousands
/// separators) for every real option, one for every count, and an error naming the option for anything else.
/// </summary>
public sealed class OptionSyntaxTests
{
    private static readonly string Ising = CliRun.Example("ising-4x4.json");
    private static readonly string Gaussian = CliRun.Example("gaussian-2d.json");

    public static TheoryData<string[], string> RefusedReals() => new()
    {
        // System.CommandLine's own conversion allows thousands separators: these three ran at beta 44, 12 and step 5.
        { ["logz", Ising, "--beta", "0,44"], "--beta: \"0,44\" is not a number" },
        { ["logz", Ising, "--beta", "1,,,2"], "--beta: \"1,,,2\" is not a number" },
        { ["logz", Gaussian, "--method", "ais", "--step-size", "0,05"], "--step-size: \"0,05\" is not a number" },
        { ["sample", Gaussian, "--sampler", "hmc", "--beta", "0,44"], "--beta: \"0,44\" is not a number" },
        { ["sample", Gaussian, "--sampler", "pt", "--beta-ratio", "1,5"], "--beta-ratio: \"1,5\" is not a number" },
        { ["logz", Ising, "--method", "smc", "--ess-threshold", "0,5"], "--ess-threshold: \"0,5\" is not a number" },
        { ["logz", Ising, "--method", "smc", "--target-cess", "0,9"], "--target-cess: \"0,9\" is not a number" },
        { ["logz", Gaussian, "--method", "ais", "--reference-scale", "1,5"], "--reference-scale: \"1,5\" is not a number" },
        { ["thermo", Ising, "--beta", "0,44"], "--beta: beta \"0,44\" is not a number" },
        { ["thermo", Ising, "--beta", "0,1:1:0,1"], "--beta: FROM \"0,1\" is not a number" },
        { ["logz", Ising, "--beta", "NaN"], "--beta: \"NaN\" is not a finite number" },
        { ["logz", Ising, "--beta", "Infinity"], "--beta: \"Infinity\" is not a finite number" },
        { ["logz", Ising, "--beta", "-Infinity"], "--beta: \"-Infinity\" is not a finite number" },
        { ["logz", Ising, "--beta", "1e999"], "--beta: \"1e999\" is not a finite number" },
        { ["logz", Ising, "--beta", "1e-400"], "--beta: \"1e-400\" is too small to represent" },
        { ["logz", Ising, "--beta", "0x10"], "--beta: \"0x10\" is not a number" },
        { ["logz", Ising, "--beta", "$1"], "--beta: \"$1\" is not a number" },
        { ["logz", Ising, "--beta", "(1)"], "--beta: \"(1)\" is not a number" },
        { ["logz", Ising, "--beta", "1 000"], "--beta: \"1 000\" is not a number" },
        { ["logz", Ising, "--beta", ""], "--beta: \"\" is not a number" },
    };

    [Theory]
    [MemberData(nameof(RefusedReals))]
    public void A_real_with_a_thousands_separator_or_not_finite_is_bad_input_naming_the_option(string[] args, string expected)
    {
        var run = CliRun.Invoke(args);
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"ebm: error: {expected}", run.Err);
        Assert.False(run.HasStackTrace);
    }

    [Theory]
    [InlineData("1e-1", "0.1")]
    [InlineData("1E-1", "0.1")]
    [InlineData(" 0.5 ", "0.5")]
    [InlineData("+0.5", "0.5")]
    [InlineData(".5", "0.5")]
    [InlineData("-0", "0")]
    [InlineData("1e0", "1")]
    public void A_real_in_the_invariant_syntax_is_read_as_written(string text, string printed)
    {
        var run = CliRun.Invoke("logz", Ising, "--beta", text);
        Assert.Equal(0, run.Code);
        Assert.Contains($"\nbeta           {printed}\n", run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_large_exponent_is_a_number_not_a_typo()
    {
        var run = CliRun.Invoke("sample", Gaussian, "--sampler", "metropolis", "--beta", "1e3", "--steps", "50", "--json");
        Assert.Equal(0, run.Code);
        Assert.Contains("\"beta\": 1000", run.Out);
    }

    public static TheoryData<string[], string> RefusedCounts() => new()
    {
        { ["logz", Ising, "--method", "ais", "--particles", "1,000"], "--particles: \"1,000\" is not a whole number" },
        { ["logz", Ising, "--method", "ais", "--steps", "1e3"], "--steps: \"1e3\" is not a whole number" },
        { ["logz", Ising, "--method", "ais", "--steps", "10.0"], "--steps: \"10.0\" is not a whole number" },
        { ["logz", Ising, "--method", "ais", "--particles", "0x10"], "--particles: \"0x10\" is not a whole number" },
        { ["logz", Ising, "--method", "ais", "--particles", "3000000000"], "--particles: 3000000000 is out of range" },
        { ["logz", Ising, "--seed", "-1"], "--seed: -1 is out of range: expected a whole number from 0 to 18446744073709551615" },
        { ["logz", Ising, "--seed", "18446744073709551616"], "--seed: 18446744073709551616 is out of range" },
        { ["sample", Ising, "--sampler", "gibbs", "--chains", "1,000"], "--chains: \"1,000\" is not a whole number" },
        { ["sample", Gaussian, "--sampler", "hmc", "--leapfrog-steps", "1e1"], "--leapfrog-steps: \"1e1\" is not a whole number" },
        { ["--seed", "1,000"], "--seed: \"1,000\" is not a whole number" },
    };

    [Theory]
    [MemberData(nameof(RefusedCounts))]
    public void A_count_that_is_not_plain_digits_is_bad_input_naming_the_option(string[] args, string expected)
    {
        var run = CliRun.Invoke(args);
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"ebm: error: {expected}", run.Err);
    }

    [Fact]
    public void A_count_with_surrounding_spaces_or_a_plus_sign_is_read_as_written()
    {
        var run = CliRun.Invoke("logz", Ising, "--method", "ais", "--particles", " +20 ", "--steps", "10", "--json");
        Assert.Equal(0, run.Code);
        Assert.Contains("\"particles\": 20", run.Out);
    }

    [Fact]
    public void A_comma_decimal_culture_changes_neither_what_is_read_nor_what_is_printed()
    {
        var invariant = CliRun.Invoke("logz", Ising, "--beta", "0.44", "--method", "ais", "--particles", "50", "--steps", "20", "--json");
        var comma = CommaDecimalCulture.Run(() => CliRun.Invoke("logz", Ising, "--beta", "0.44", "--method", "ais", "--particles", "50", "--steps", "20", "--json"));
        Assert.Equal(0, invariant.Code);
        Assert.Equal(0, comma.Code);
        Assert.Contains("\"beta\": 0.44", comma.Out);
        Assert.Equal(Without(invariant.Out, "seconds"), Without(comma.Out, "seconds"));
    }

    private static string Without(string json, string key) =>
        string.Join('\n', json.ReplaceLineEndings("\n").Split('\n').Where(l => !l.TrimStart().StartsWith($"\"{key}\"", StringComparison.Ordinal)));

    /// <summary>Every option of every command whose value is a number, with the path of its command.</summary>
    private static List<(string[] Path, Option Option)> NumericOptions(RootCommand root)
    {
        var found = new List<(string[], Option)>();
        void Walk(Command command, string[] path)
        {
            foreach (var option in command.Options)
            {
                var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
                if (type == typeof(decimal) || type.IsPrimitive && type != typeof(bool) && type != typeof(char)) found.Add((path, option));
            }

            foreach (var sub in command.Subcommands) Walk(sub, [.. path, sub.Name]);
        }

        Walk(root, []);
        return found;
    }

    private static bool IsReal(Option option) => (Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) is var t && (t == typeof(double) || t == typeof(float) || t == typeof(decimal));

    private static RootCommand Root() => Cli.Root(new CliContext(TextWriter.Null, TextWriter.Null, false, false, false));

    /// <summary>The command path with its arguments filled in, then the option and its value.</summary>
    private static ParseResult Parse(RootCommand root, string[] path, Option option, string value) =>
        root.Parse([.. path, .. path.Length > 0 ? new[] { "model.json" } : [], option.Name, value]);

    [Fact]
    public void Every_numeric_option_of_every_command_refuses_thousands_separators_and_names_itself()
    {
        var root = Root();
        var options = NumericOptions(root);
        // --beta, --step-size, --reference-scale, --ess-threshold, --target-cess, --beta-ratio, the counts and the seeds.
        Assert.True(options.Count >= 20, $"found only {options.Count} numeric options; is the walk of the command tree broken?");
        foreach (var (path, option) in options)
        foreach (var text in new[] { "0,44", "1,,,2", "1,000", "0x10" })
        {
            var errors = Parse(root, path, option, text).Errors.Select(e => e.Message).ToList();
            Assert.True(errors.Any(m => m.StartsWith($"{option.Name}: \"{text}\" is not a", StringComparison.Ordinal)),
                $"ebm {string.Join(' ', path)} {option.Name} {text}: expected an error naming the option, got [{string.Join("; ", errors)}]");
        }
    }

    /// <summary>The parsed value as a double; a numeric option of another type fails here so that this test learns it.</summary>
    private static double? Value(ParseResult parse, Option option) => option switch
    {
        Option<double> real => parse.GetValue(real),
        Option<double?> optional => parse.GetValue(optional),
        Option<int> count => parse.GetValue(count),
        Option<ulong> seed => parse.GetValue(seed),
        _ => throw new InvalidOperationException($"{option.Name}: a numeric option of type {option.ValueType} that this test does not read yet"),
    };

    [Fact]
    public void Every_numeric_option_reads_the_same_value_in_a_comma_decimal_culture()
    {
        var root = Root();
        foreach (var (path, option) in NumericOptions(root))
        {
            var (text, expected) = IsReal(option) ? ("2.5", 2.5) : ("25", 25.0);
            var value = CommaDecimalCulture.Run(() => Value(Parse(root, path, option, text), option));
            Assert.True(value == expected, $"ebm {string.Join(' ', path)} {option.Name} {text} read as {value} in a comma-decimal culture");
        }
    }
}
