using SharpFuzz;

namespace Ebm.Fuzz;

/// <summary>
/// <c>dotnet Ebm.Fuzz.dll TARGET</c> runs one fuzz target under afl-fuzz (see fuzz.sh);
/// <c>dotnet Ebm.Fuzz.dll TARGET --replay FILE|DIRECTORY...</c> runs it once on each file and reports every finding.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
        {
            Console.Error.WriteLine($"usage: Ebm.Fuzz {string.Join("|", FuzzTargets.Names)} [--replay FILE|DIRECTORY...]");
            return 2;
        }

        var target = args[0];
        if (args.Length > 1 && args[1] == "--replay") return Replay(target, args[2..]);
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray());
        });
        return 0;
    }

    private static int Replay(string target, string[] paths)
    {
        var files = paths.Select(Path.GetFullPath).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order() : Enumerable.Repeat(p, 1)).ToList();
        var findings = 0;
        foreach (var file in files)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ok ({clock.ElapsedMilliseconds} ms)");
            }
            catch (Exception e)
            {
                findings++;
                Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
                Console.WriteLine(e.StackTrace);
            }
        }

        Console.WriteLine($"{target}: {files.Count} inputs, {findings} findings");
        return findings == 0 ? 0 : 1;
    }
}
