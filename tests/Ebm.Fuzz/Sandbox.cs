namespace Ebm.Fuzz;

/// <summary>
/// The working directory of the options target: tiny model files of every kind, a data file and a schedule
/// file under short names that the corpus and the dictionary use. Every run starts from the same files:
/// whatever a run wrote is removed and the inputs are written anew.
/// </summary>
public static class Sandbox
{
    /// <summary>The files every run sees, by name.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        ["ising.json"] = """{"kind":"ising","rows":2,"columns":3,"boundary":"open","coupling":0.5,"field":0.1}""",
        ["rbm.json"] = """{"kind":"bernoulli-rbm","weights":[[0.5,-0.25],[0.1,0.3],[-0.4,0.2]],"visibleBias":[0.1,-0.2,0.05],"hiddenBias":[0.3,-0.1]}""",
        ["grbm.json"] = """{"kind":"gaussian-bernoulli-rbm","weights":[[0.5],[0.1]],"visibleBias":[0,1],"hiddenBias":[0.2],"sigma":[1,0.5]}""",
        ["bm.json"] = """{"kind":"boltzmann-machine","states":"spin","couplings":[[0,0.5],[0.5,0]],"biases":[0.1,0]}""",
        ["gaussian.json"] = """{"kind":"gaussian","mean":[0,1],"precision":[[2,0.5],[0.5,1]]}""",
        ["well.json"] = """{"kind":"double-well","barrier":2,"stiffness":1}""",
        ["ring.json"] = """{"kind":"ring","radius":1,"scale":0.1}""",
        ["mixture.json"] = """{"kind":"gaussian-mixture-2d","weights":[0.5,0.5],"means":[[-2,0],[2,0]],"sigmas":[0.5,0.8]}""",
        ["data.txt"] = "# three visible units\n1 0 1\n0,1,1\n1 1 0\n",
        ["schedule.txt"] = "0 0.25 0.5\n0.75 1\n",
    };

    private static readonly Lazy<string> Directory = new(Create);

    /// <summary>The sandbox directory, made the current directory, with exactly <see cref="Files"/> in it.</summary>
    public static string Reset()
    {
        var directory = Directory.Value;
        Environment.CurrentDirectory = directory;
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (Files.ContainsKey(entry.Name) && entry is FileInfo) continue;
            if (entry is DirectoryInfo folder) folder.Delete(recursive: true);
            else entry.Delete();
        }

        foreach (var (name, content) in Files) File.WriteAllText(Path.Combine(directory, name), content);
        return directory;
    }

    private static string Create() => System.IO.Directory.CreateTempSubdirectory("ebm-fuzz-").FullName;
}
