using Ebm.Cli.Training;

namespace Ebm.Cli.Tests;

public sealed class TrainSettingsJsonTests
{
    [Fact]
    public void Settings_written_for_a_checkpoint_read_back_to_the_same_settings()
    {
        var settings = new TrainSettings
        {
            Model = "gaussian-bernoulli-rbm", Hidden = 7, Data = Path.GetFullPath("data.csv"), Test = Path.GetFullPath("test.csv"), TestFraction = 0,
            Objective = "tempered", K = 3, Chains = 17, Replicas = 9, Optimizer = "adamw", LearningRate = 0.1 + 0.2, WeightDecay = 1.0 / 3,
            Epochs = 12, Batch = 5, EvalEvery = 4, Seed = ulong.MaxValue, Out = Path.GetFullPath("run"), Init = null, LearnSigma = true,
        };
        var text = TrainSettingsJson.Write(settings);
        var read = TrainSettingsJson.Parse("settings.json", text, new TrainSettings()).Match(x => x.Settings, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(settings, read);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.1 + 0.2), BitConverter.DoubleToInt64Bits(read.LearningRate));
    }

    [Fact]
    public void Relative_paths_in_a_configuration_file_are_read_from_its_folder_and_builtin_data_are_kept()
    {
        var folder = Path.Combine(Path.GetTempPath(), "configs");
        var read = TrainSettingsJson.Parse(Path.Combine(folder, "c.json"), """{"data": "d/x.csv", "out": "runs/a", "init": null}""", new TrainSettings())
            .Match(x => x.Settings, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(Path.Combine(folder, "d", "x.csv"), read.Data);
        Assert.Equal(Path.Combine(folder, "runs", "a"), read.Out);

        var builtin = TrainSettingsJson.Parse("c.json", """{"data": "builtin:bars-and-stripes:4"}""", new TrainSettings())
            .Match(x => x.Settings, e => throw new InvalidOperationException(e.Message));
        Assert.Equal("builtin:bars-and-stripes:4", builtin.Data);
    }
}
