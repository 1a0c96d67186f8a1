using System.Globalization;
using System.Text;
using EbmCommandLine = Ebm.Cli.Cli;

namespace Ebm.Fuzz;

/// <summary>
/// The options target: the input is an argument vector, one argument per line, run through
/// <see cref="EbmCommandLine.Run"/> in the <see cref="Sandbox"/>. The contract: exit code 0 or 2 (never 1, the code of an
/// escaped exception), no stack trace, and an "ebm: error: " line with every exit code 2.
/// </summary>
/// <remarks>
/// The real commands run, so the harness bounds their work to keep an execution near a few milliseconds:
/// the input must name a command (logz, thermo or sample; the showcase is a fixed job with no options to
/// fuzz); '/' and '\' become '_' so that every file read or written lies in the sandbox; counts (particles,
/// steps, chains, ...) above <see cref="MaxCount"/> become <see cref="MaxCount"/> and small counts are added
/// where the input leaves the defaults; a thermo sweep of more than <see cref="MaxSweep"/> betas gets a wider
/// step. Counts at or below zero, non-numbers and every other option value pass unchanged.
/// </remarks>
public static class OptionsHarness
{
    /// <summary>Largest count option passed on.</summary>
    public const int MaxCount = 16;

    /// <summary>Most betas of a thermo sweep.</summary>
    public const int MaxSweep = 16;

    private static readonly string[] Commands = ["logz", "thermo", "sample"];

    private static readonly string[] CountOptions = ["--particles", "--steps", "--repetitions", "--leapfrog-steps", "--chains", "--burn-in", "--thin", "--rungs"];

    private static readonly Dictionary<string, string[]> SmallDefaults = new()
    {
        ["logz"] = ["--particles", "8", "--steps", "8", "--repetitions", "2", "--leapfrog-steps", "4"],
        ["sample"] = ["--chains", "2", "--steps", "16", "--burn-in", "4", "--leapfrog-steps", "4", "--rungs", "3"],
        ["thermo"] = [],
    };

    /// <summary>Runs the arguments of <paramref name="input"/>; inputs that name no command are not run.</summary>
    public static void Run(byte[] input)
    {
        if (Arguments(input) is not { } args) return;
        Sandbox.Reset();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = EbmCommandLine.Run(args, stdout, stderr);
        CheckOutcome(args, code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The bounded argument vector of <paramref name="input"/>, or null when it names no command.</summary>
    public static string[]? Arguments(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (text.EndsWith('\n')) text = text[..^1];
        var args = text.Split('\n').Select(a => a.Replace('/', '_').Replace('\\', '_').Replace('\0', '_')).ToList();
        var command = args.FirstOrDefault(a => Commands.Contains(a));
        if (command is null) return null;
        for (var i = 0; i < args.Count; i++)
        {
            args[i] = Bounded(args[i], CountOptions, v => Capped(v));
            if (command == "thermo") args[i] = Bounded(args[i], ["--beta", "-b"], Sweep);
            if (i + 1 < args.Count && CountOptions.Contains(args[i])) args[i + 1] = Capped(args[i + 1]);
            if (i + 1 < args.Count && command == "thermo" && args[i] is "--beta" or "-b") args[i + 1] = Sweep(args[i + 1]);
        }

        var defaults = SmallDefaults[command];
        for (var j = 0; j < defaults.Length; j += 2)
            if (!args.Any(a => a == defaults[j] || a.StartsWith(defaults[j] + "=", StringComparison.Ordinal) || a.StartsWith(defaults[j] + ":", StringComparison.Ordinal)))
                args.AddRange([defaults[j], defaults[j + 1]]);
        return [.. args];
    }

    /// <summary>Throws <see cref="FuzzFinding"/> unless the run of <paramref name="args"/> kept the contract of the options target.</summary>
    public static void CheckOutcome(string[] args, int code, string stdout, string stderr)
    {
        var shown = string.Join(" ", args.Select(a => $"'{a}'"));
        if (code is not (0 or 2)) throw new FuzzFinding($"options: exit code {code} for {shown}:\n{stderr}");
        if (stdout.Contains("   at ", StringComparison.Ordinal) || stderr.Contains("   at ", StringComparison.Ordinal))
            throw new FuzzFinding($"options: a stack trace for {shown}:\n{stderr}");
        if (code == 2 && !stderr.Contains("ebm: error: ", StringComparison.Ordinal))
            throw new FuzzFinding($"options: exit code 2 without an error message for {shown}:\n{stderr}");
    }

    /// <summary>The option written with its value in one argument (--name=value, --name:value) with the value bounded.</summary>
    private static string Bounded(string argument, string[] names, Func<string, string> bound)
    {
        foreach (var name in names)
            foreach (var separator in "=:")
                if (argument.StartsWith(name + separator, StringComparison.Ordinal))
                    return name + separator + bound(argument[(name.Length + 1)..]);
        return argument;
    }

    private static string Capped(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > MaxCount
            ? MaxCount.ToString(CultureInfo.InvariantCulture)
            : value;

    private static string Sweep(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 3) return value;
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN).ToArray();
        var (from, to, step) = (numbers[0], numbers[1], numbers[2]);
        if (!(double.IsFinite(from) && double.IsFinite(to) && step > 0 && to > from) || (to - from) / step <= MaxSweep) return value;
        return $"{parts[0]}:{parts[1]}:{((to - from) / MaxSweep).ToString("R", CultureInfo.InvariantCulture)}";
    }
}
