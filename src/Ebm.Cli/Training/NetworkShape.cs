using System.Globalization;
using Ebm.Cli.Options;
using Ebm.Functional.Models;

namespace Ebm.Cli.Training;

/// <summary>
/// The syntax of <c>--layers</c> and <c>--noise-scales</c>: hidden layers as "LxW" (L layers of width W, "2x64") or as
/// widths separated by commas ("64,32"); noise scales as positive numbers separated by commas ("0.1,0.2"), read with the
/// invariant culture.
/// </summary>
internal static class NetworkShape
{
    /// <summary>The widest hidden layer accepted.</summary>
    public const int MaxWidth = 4096;

    /// <summary>Most noise scales accepted.</summary>
    public const int MaxNoiseScales = 100;

    /// <summary>The hidden widths of <paramref name="text"/>, or false with the problem.</summary>
    public static bool TryHiddenWidths(string text, out int[] widths, out string problem)
    {
        widths = [];
        problem = "";
        var maxLayers = Mlp.MaxLayers - 1;
        var usage = $"expected LxW (L hidden layers of width W, e.g. 2x64) or widths separated by commas (64,32): 1 to {maxLayers} layers of 1 to {MaxWidth} units, got \"{text}\"";
        var parts = text.Split('x');
        if (parts.Length == 2)
        {
            if (!Whole(parts[0], 1, maxLayers, out var count) || !Whole(parts[1], 1, MaxWidth, out var width))
            {
                problem = usage;
                return false;
            }

            widths = Enumerable.Repeat(width, count).ToArray();
            return true;
        }

        var items = text.Split(',');
        var parsed = new int[items.Length];
        if (parts.Length != 1 || items.Length > maxLayers || items.Any(i => !Whole(i, 1, MaxWidth, out _)))
        {
            problem = usage;
            return false;
        }

        for (var i = 0; i < items.Length; i++) Whole(items[i], 1, MaxWidth, out parsed[i]);
        widths = parsed;
        return true;
    }

    /// <summary>The noise scales of <paramref name="text"/>, or false with the problem.</summary>
    public static bool TryNoiseScales(string text, out double[] scales, out string problem)
    {
        scales = [];
        problem = "";
        var items = text.Split(',');
        var parsed = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
            if (items.Length > MaxNoiseScales || !NumberSyntax.TryReal(items[i].Trim(), out parsed[i], out _) || !(parsed[i] > 0 && double.IsFinite(parsed[i])))
            {
                problem = $"expected 1 to {MaxNoiseScales} positive numbers separated by commas (0.1 or 0.1,0.2), got \"{text}\"";
                return false;
            }

        scales = parsed;
        return true;
    }

    private static bool Whole(string text, int low, int high, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= low && value <= high;
}
