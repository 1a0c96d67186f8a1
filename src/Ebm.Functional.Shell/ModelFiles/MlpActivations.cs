using Ebm.Functional.Models;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// The names of the <see cref="MlpActivation"/>s in model files and on the command line: <c>softplus</c>, <c>tanh</c>
/// and <c>silu</c>. A name is added, never renamed.
/// </summary>
public static class MlpActivations
{
    /// <summary>Every name, in the order of <see cref="MlpActivation"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["softplus", "tanh", "silu"];

    /// <summary>The name of <paramref name="activation"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined activation (a programmer error).</exception>
    public static string Name(MlpActivation activation) => activation switch
    {
        MlpActivation.Softplus => "softplus",
        MlpActivation.Tanh => "tanh",
        MlpActivation.Silu => "silu",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "not an activation"),
    };

    /// <summary>The activation called <paramref name="name"/>; the caller has checked it is one of <see cref="Names"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/> (a programmer error).</exception>
    public static MlpActivation Parse(string name) => name switch
    {
        "softplus" => MlpActivation.Softplus,
        "tanh" => MlpActivation.Tanh,
        "silu" => MlpActivation.Silu,
        _ => throw new ArgumentException($"\"{name}\" is not one of {string.Join(", ", Names)}", nameof(name)),
    };
}
