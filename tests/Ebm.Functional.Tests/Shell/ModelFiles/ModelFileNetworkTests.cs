using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Functional.Tests.Shell.ModelFiles;

/// <summary>mlp and mlp-classifier JSON model files: the documented form reads, and every problem of a layer is named by its index.</summary>
public sealed class ModelFileNetworkTests
{
    [Fact]
    public void The_documented_form_reads_with_the_layers_in_order()
    {
        const string json = """
            {"kind": "mlp", "activation": "tanh", "shift": [1, -1], "scale": [2, 0.5],
             "layers": [{"weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, 0.5]}, {"weights": [[1, -1, 2]], "bias": [3]}]}
            """;
        var model = Assert.IsType<MlpEnergy>(ModelFileRoundTripTests.Succ(ModelFile.Parse(json)));
        Assert.Equal(MlpActivation.Tanh, model.Network.Activation);
        Assert.Equal(new[] { 3, 1 }, model.Network.Layers.Map(l => l.Outputs).ToArray());
        // x = (3, 0) is u = (1, 2): hidden tanh(1), tanh(2), tanh(3.5); E = tanh(1) - tanh(2) + 2 tanh(3.5) + 3.
        Assert.Equal(Math.Tanh(1) - Math.Tanh(2) + 2 * Math.Tanh(3.5) + 3, model.Energy([3, 0]), 14);
    }

    [Fact]
    public void Problems_inside_layers_are_named_by_their_index_and_reported_together()
    {
        const string json = """
            {"kind": "mlp-classifier", "activation": "relu", "shift": [0], "scale": [1],
             "layers": [{"weights": [[1]], "bias": [0], "bais": [1]}, {"weights": [[1], [2]]}]}
            """;
        var messages = Failures.Of(ModelFile.Parse(json)).Select(e => e.Message).ToList();
        Assert.Contains("activation: \"relu\" is not one of \"softplus\" or \"tanh\" or \"silu\"", messages);
        Assert.Contains(messages, m => m.StartsWith("layers[0].", StringComparison.Ordinal) && m.Contains("\"bais\"", StringComparison.Ordinal));
        Assert.Contains("layers[1].bias: missing; expected an array of numbers", messages);
    }

    [Fact]
    public void Layers_that_do_not_chain_are_refused_by_the_network_checks()
    {
        const string json = """
            {"kind": "mlp", "activation": "silu", "shift": [0, 0], "scale": [1, 1],
             "layers": [{"weights": [[1, 0], [0, 1]], "bias": [0, 0]}, {"weights": [[1, 2, 3]], "bias": [0]}]}
            """;
        var error = Assert.Single(Failures.Of(ModelFile.Parse(json)));
        Assert.Contains("layers[2]: takes 3 inputs, but layer 1 has 2 outputs", error.Message, StringComparison.Ordinal);
    }
}
