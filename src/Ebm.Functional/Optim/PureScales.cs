using System.Runtime.CompilerServices;

namespace Ebm.Functional.Optim;

/// <summary>
/// The transformations built by <see cref="Transforms.Scale"/>, which are exactly u = s · g and stateless but for their
/// step count, with their factor s. A trainer that recognises one may add s · g to the parameters in one pass, with the
/// same two roundings per entry (the product, then the sum), instead of materialising u. Keyed by reference: a
/// transformation copied with <c>with</c> or built any other way is not recognised and takes the general path.
/// </summary>
internal static class PureScales
{
    private static readonly ConditionalWeakTable<GradientTransformation, StrongBox<double>> Factors = new();

    /// <summary>Records <paramref name="transformation"/> as u = <paramref name="factor"/> · g and returns it.</summary>
    public static GradientTransformation Register(GradientTransformation transformation, double factor)
    {
        Factors.AddOrUpdate(transformation, new StrongBox<double>(factor));
        return transformation;
    }

    /// <summary>Whether <paramref name="transformation"/> is a registered scale, and its factor.</summary>
    public static bool TryGet(GradientTransformation transformation, out double factor)
    {
        var found = Factors.TryGetValue(transformation, out var box);
        factor = found ? box!.Value : 0.0;
        return found;
    }
}
