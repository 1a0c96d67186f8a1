namespace Ebm.Functional.Properties.Estimators;

/// <summary>The random choices of one run: option indices replayed from a prefix, then the first option of each new choice.</summary>
public sealed class Choices
{
    private const double MassTolerance = 1e-12;
    private readonly List<int> _prefix;
    private readonly List<int> _taken = [];
    private readonly List<int> _options = [];
    private double _probability = 1.0;

    internal Choices(List<int> prefix) => _prefix = prefix;

    /// <summary>
    /// Picks one index among those of positive probability (the probabilities must sum to 1); the run's
    /// probability is multiplied by the picked one.
    /// </summary>
    public int Choose(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var mass = probabilities.Sum();
        if (Math.Abs(mass - 1.0) > MassTolerance) throw new InvalidOperationException($"the probabilities of a choice sum to {mass:R}, not 1");
        var possible = Enumerable.Range(0, probabilities.Count).Where(i => probabilities[i] > 0).ToArray();
        var position = _taken.Count;
        var index = position < _prefix.Count ? _prefix[position] : 0;
        _taken.Add(index);
        _options.Add(possible.Length);
        _probability *= probabilities[possible[index]];
        return possible[index];
    }

    /// <summary>Picks one of <paramref name="count"/> equally likely indices.</summary>
    public int Uniform(int count) => Choose(Enumerable.Repeat(1.0 / count, count).ToArray());

    internal double Weight(double value) => _probability * value;

    internal int LastWithAnotherOption()
    {
        var position = _taken.Count - 1;
        while (position >= 0 && _taken[position] + 1 >= _options[position]) position--;
        return position;
    }

    internal List<int> Advanced(int position) => [.. _taken.Take(position), _taken[position] + 1];
}
