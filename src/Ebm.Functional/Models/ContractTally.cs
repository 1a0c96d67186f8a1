using System.Globalization;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// The disagreements of one model member with its energy over all checked cases: how many, and the worst, so one
/// readable error per member says how often and by how much it is wrong.
/// </summary>
/// <param name="member">The member checked ("LocalField").</param>
/// <param name="reference">How the energy gives the same quantity ("(E(x_i = low) - E(x_i = high)) / (high - low)").</param>
/// <param name="cases">What one case is ("(state, site) pairs").</param>
/// <param name="failing">How the message introduces the failed cases.</param>
internal sealed class ContractTally(string member, string reference, string cases, string failing = "disagrees with the energy at")
{
    private int _checked;
    private int _failed;
    private double _worstExcess = double.NegativeInfinity;
    private string? _worst;
    private string? _thrown;

    /// <summary>Compares <paramref name="answer"/> (null: already counted as thrown) with <paramref name="expected"/> to <paramref name="tolerance"/> times <paramref name="scale"/>.</summary>
    public void Compare(double? answer, double expected, double scale, double tolerance, Func<string> where)
    {
        if (answer is not { } value) return;
        _checked++;
        var difference = Math.Abs(value - expected);
        if (difference <= tolerance * scale) return;
        _failed++;
        // NaN compares as the worst of all, so a NaN answer is the one shown.
        var excess = double.IsNaN(difference) ? double.PositiveInfinity : difference / scale;
        if (!(excess > _worstExcess) && _worst is not null) return;
        _worstExcess = excess;
        _worst = $"{where()}: {member} = {Number(value)}, {reference} = {Number(expected)} " +
                 $"(difference {Number(difference)}, tolerance {Number(tolerance)} x {Number(scale)})";
    }

    /// <summary>Counts one case that failed outright (an exception, a NaN energy); the first is shown.</summary>
    public void Fail(string problem, Func<string> where)
    {
        _checked++;
        _failed++;
        _thrown ??= $"{where()}: {member} {problem}";
    }

    /// <summary>Counts one case that passed without a comparison (a finite energy).</summary>
    public void Pass() => _checked++;

    /// <summary>
    /// What <paramref name="evaluate"/> answers, or null after counting its exception as a failure of this member
    /// (a member that throws on a valid state is inconsistent too).
    /// </summary>
    public double? Evaluate(Func<double> evaluate, Func<string> where)
    {
        try
        {
            return evaluate();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Fail($"threw {exception.GetType().Name}: {exception.Message}", where);
            return null;
        }
    }

    /// <summary>The error of this member, or null when every case agreed.</summary>
    public Error? Error()
    {
        if (_failed == 0) return null;
        var shown = new List<string>();
        if (_thrown is not null) shown.Add($"first failure {_thrown}");
        if (_worst is not null) shown.Add($"largest difference {_worst}");
        return ModelErrors.Inconsistent(member, $"{failing} {_failed} of {_checked} {cases}; {string.Join("; ", shown)}");
    }

    /// <summary>A number as the messages print it: six significant digits, invariant culture.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A state or point in the messages: its values when short, else only its index.</summary>
    public static string Describe(string what, int index, ReadOnlySpan<double> values)
    {
        if (values.Length > 16) return $"{what} {index}";
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++) parts[i] = Number(values[i]);
        return $"{what} {index} ({string.Join(", ", parts)})";
    }
}
