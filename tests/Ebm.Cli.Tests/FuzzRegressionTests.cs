using System.Diagnostics;
using Ebm.Fuzz;

namespace Ebm.Cli.Tests;

/// <summary>
/// The seed corpora of the fuzz targets and every input a fuzzing run found (tests/Ebm.Fuzz/regressions) keep
/// the readers' contract: a value or expected errors, never an exception (see <see cref="FuzzTargets"/>).
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fuzz");

    public static TheoryData<string, string> FileInputs()
    {
        var inputs = new TheoryData<string, string>();
        foreach (var target in new[] { "model", "data", "schedule" })
            foreach (var folder in new[] { "corpus", "regressions" })
            {
                var directory = Path.Combine(Root, folder, target);
                if (!Directory.Exists(directory)) continue;
                foreach (var file in Directory.EnumerateFiles(directory).Order()) inputs.Add(target, Path.GetRelativePath(Root, file));
            }

        return inputs;
    }

    [Theory]
    [MemberData(nameof(FileInputs))]
    public void A_file_reader_keeps_its_contract_on_a_fuzz_input(string target, string input) =>
        FuzzTargets.Run(target, File.ReadAllBytes(Path.Combine(Root, input)));

    [Fact]
    public async Task The_command_line_keeps_its_contract_on_every_fuzz_argument_vector()
    {
        // The options target works in a sandbox that becomes the current directory, so it runs in a process of its own.
        var folders = new[] { "corpus", "regressions" }.Select(f => Path.Combine(Root, f, "options")).Where(Directory.Exists).ToList();
        Assert.NotEmpty(folders);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Ebm.Fuzz.dll"), "options", "--replay" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var folder in folders) start.ArgumentList.Add(folder);
        start.Environment.Remove("EBM_DEBUG");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        var (output, errors) = (await stdout, await stderr);
        Assert.True(process.ExitCode == 0, $"{output}\n{errors}");
        Assert.Contains(" 0 findings", output);
    }
}
