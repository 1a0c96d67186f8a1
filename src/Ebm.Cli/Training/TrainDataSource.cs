using System.Globalization;
using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// Reads <c>--data</c> and <c>--test</c>: <c>builtin:bars-and-stripes:N</c> (all 2^(N+1) - 2 distinct N x N
/// images), or a data file; then holds out <c>--test-fraction</c> of the examples. Binary data trains spin models
/// as 2x - 1.
/// </summary>
internal static class TrainDataSource
{
    /// <summary>The prefix of the built-in data sets.</summary>
    public const string Builtin = "builtin:";

    /// <summary>The data of <paramref name="settings"/>, in the unit values of the family (<paramref name="states"/>).</summary>
    public static Fin<TrainingData> Load(TrainSettings settings, Option<StateConvention> states)
    {
        var spec = settings.Data;
        var data = spec.StartsWith(Builtin, StringComparison.Ordinal) ? BuiltinData(spec) : FinFail<TrainingData>(TrainConfigErrors.BadDataSpec(spec, "data files are not read yet"));
        return data.Map(d => states.Match(
            Some: s => d with { Train = InConvention(d.Train, s), Test = d.Test.Map(t => InConvention(t, s)) },
            None: () => d));
    }

    private static Fin<TrainingData> BuiltinData(string spec)
    {
        var parts = spec[Builtin.Length..].Split(':');
        switch (parts[0])
        {
            case "bars-and-stripes":
                if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var side) || side < 2 || side > BarsAndStripes.MaxSide)
                    return FinFail<TrainingData>(TrainConfigErrors.BadDataSpec(spec, $"expected builtin:bars-and-stripes:N with N from 2 to {BarsAndStripes.MaxSide}"));
                return BarsAndStripes.All(side).Map(all =>
                    new TrainingData(all, None, $"bars-and-stripes {side} x {side}: all {all.Rows} images", Some(side)));
            default:
                return FinFail<TrainingData>(TrainConfigErrors.BadDataSpec(spec, "the built-in data sets are builtin:bars-and-stripes:N and builtin:ising:L:BETA[:COUNT]"));
        }
    }

    /// <summary>{0, 1} data as spins 2x - 1 for a spin model; spins as (x + 1) / 2 for a binary one; anything else unchanged (the objective then names the bad value).</summary>
    private static Mat InConvention(Mat data, StateConvention states)
    {
        var low = states == StateConvention.Spin ? -1.0 : 0.0;
        var other = states == StateConvention.Spin ? 0.0 : -1.0;
        var convertible = false;
        foreach (var x in data.Span)
        {
            if (x == other) convertible = true;
            else if (x != low && x != 1.0) return data;
        }

        if (!convertible) return data;
        return Mat.Create(data.Rows, data.Columns, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = data.Span[i] == 1.0 ? 1.0 : low;
        });
    }
}
