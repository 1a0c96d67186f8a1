using Ebm.Cli.Output;
using System.Globalization;
using Ebm.Cli.Options;
using Ebm.Functional.Data;
using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Data;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// Reads <c>--data</c> and <c>--test</c>, then holds out <c>--test-fraction</c> of the examples (a split seeded by
/// <see cref="TrainRunKeys.Split"/>). Built-in data sets: <c>builtin:bars-and-stripes:N</c>, all 2^(N+1) - 2 distinct
/// N x N images; <c>builtin:ising:L:BETA[:COUNT]</c>, COUNT (default <see cref="DefaultIsingCount"/>) spin
/// configurations of the L x L Ising torus (J = 1, h = 0) at BETA, exact draws up to 20 sites and long heat-bath and
/// Swendsen-Wang chains beyond (<see cref="ModelSamples"/>); <c>builtin:blobs[:COUNT]</c>, the first COUNT (default all
/// 10,000) of the library's 28 x 28 binary blob images (<see cref="BlobImages"/>); <c>builtin:TOY[:COUNT]</c>, COUNT (default
/// <see cref="DefaultToyCount"/>) points of a 2-D toy (<see cref="Toys2D"/>), labelled (the class in a third column) when
/// the model is an mlp-classifier. Built-in data come in the family's unit values (bars as
/// -1/+1 for a spin model, spins as 0/1 for a binary one); a data file (<see cref="DataSets"/>: CSV, .npy, .npz, IDX,
/// also gzipped) must already hold them, or be made 0/1 by <c>--binarize</c> (<see cref="TrainBinarisation"/>).
/// </summary>
internal static class TrainDataSource
{
    /// <summary>The prefix of the built-in data sets.</summary>
    public const string Builtin = "builtin:";

    /// <summary>Configurations drawn by <c>builtin:ising:L:BETA</c> without a count.</summary>
    public const int DefaultIsingCount = 1000;

    /// <summary>Points drawn by <c>builtin:TOY</c> without a count.</summary>
    public const int DefaultToyCount = 5000;

    /// <summary>Most points <c>builtin:TOY</c> draws.</summary>
    public const int MaxToyCount = 1_000_000;

    /// <summary>Most configurations <c>builtin:ising</c> draws, and the largest lattice side.</summary>
    public const int MaxIsingCount = 1_000_000, MaxIsingSide = 64;

    /// <summary>The data of <paramref name="settings"/>, in the unit values of the family (<paramref name="states"/>).</summary>
    public static Fin<TrainingData> Load(TrainSettings settings, Option<StateConvention> states)
    {
        var spec = settings.Data;
        var values = states.Match(s => s == StateConvention.Spin ? DataValues.Spin : DataValues.Binary, () => DataValues.Real);
        var request = new DataRequest(null, settings.Binarize is null ? values : DataValues.Real, settings.Array);
        var data = spec.StartsWith(Builtin, StringComparison.Ordinal)
            ? BuiltinData(spec, settings.Seed, settings.Model == "mlp-classifier").Map(d => states.Match(s => d with { Train = InConvention(d.Train, s) }, () => d))
            : DataSets.Load(spec, request).Map(m => new TrainingData(m, None, $"{Path.GetFileName(spec)}", ImageSide(m.Columns)));
        var split = data.Bind(d => settings.Test is { } test
            ? DataSets.Load(test, request with { Width = d.Train.Columns }).Map(t => d with { Test = Some(t) })
            : settings.TestFraction > 0
                ? Splits.TrainTest(TrainRunKeys.Split(settings.Seed), d.Train, settings.TestFraction).Map(s => d with { Train = s.Train, Test = Some(s.Test) })
                : FinSucc(d));
        return settings.Binarize is not { } rule
            ? split
            : split.Bind(d => TrainBinarisation.Apply(rule, TrainRunKeys.Data(settings.Seed), d.Train, d.Test).Map(b => d with
            {
                Train = states.Match(s => InConvention(b.Train, s), () => b.Train),
                Test = b.Test.Map(t => states.Match(s => InConvention(t, s), () => t)),
                Description = $"{d.Description}, binarised: {b.Description}",
            }));
    }

    /// <summary>The side of a square image of <paramref name="values"/> pixels (at least 2 x 2), or none.</summary>
    private static Option<int> ImageSide(int values)
    {
        var side = (int)Math.Round(Math.Sqrt(values));
        return side >= 2 && side * side == values ? Some(side) : None;
    }

    private static Fin<TrainingData> BuiltinData(string spec, ulong seed, bool labelled)
    {
        var parts = spec[Builtin.Length..].Split(':');
        if (Toys2D.IsKnown(parts[0]))
        {
            var points = DefaultToyCount;
            if (parts.Length > 2 || parts.Length == 2 && !Whole(parts[1], 1, MaxToyCount, out points))
                return Bad(spec, $"expected builtin:{parts[0]}[:COUNT], COUNT from 1 to {MaxToyCount}");
            var drawn = labelled ? Toys2D.SampleLabelled(TrainRunKeys.Data(seed), parts[0], points) : Toys2D.Sample(TrainRunKeys.Data(seed), parts[0], points);
            return drawn.Map(data => new TrainingData(data, None,
                $"{parts[0]}, {points} points{(labelled ? $" labelled with {Toys2D.Classes(parts[0])} classes" : "")} (seed {seed})", None)
            {
                SourceLogDensity = Toys2D.LogDensity(parts[0]),
            });
        }

        switch (parts[0])
        {
            case "bars-and-stripes":
                if (parts.Length != 2 || !Whole(parts[1], 2, BarsAndStripes.MaxSide, out var side))
                    return Bad(spec, $"expected builtin:bars-and-stripes:N with N from 2 to {BarsAndStripes.MaxSide}");
                return BarsAndStripes.All(side).Map(all => new TrainingData(all, None, $"bars-and-stripes {side} x {side}, all {all.Rows} images", Some(side)));
            case "ising":
                const string usage = "expected builtin:ising:L:BETA[:COUNT], L from 2 to 64, BETA a finite number >= 0, COUNT from 1 to 1000000";
                var count = DefaultIsingCount;
                if (parts.Length is < 3 or > 4 || !Whole(parts[1], 2, MaxIsingSide, out var length)
                    || !NumberSyntax.TryReal(parts[2], out var beta, out _) || beta < 0
                    || parts.Length == 4 && !Whole(parts[3], 1, MaxIsingCount, out count))
                    return Bad(spec, usage);
                return Outcomes.ToFin(IsingModel.Create(length, length, 1.0, 0.0, Boundary.Periodic))
                    .Bind(lattice => ModelSamples.Ising(TrainRunKeys.Data(seed), lattice, beta, count))
                    .Map(spins => new TrainingData(spins, None,
                        string.Create(CultureInfo.InvariantCulture, $"Ising {length} x {length} torus at beta {beta}, {count} draws (seed {seed})"), Some(length)));
            case "blobs":
                var images = BlobImages.StandardCount;
                if (parts.Length > 2 || parts.Length == 2 && !Whole(parts[1], 1, BlobImages.StandardCount, out images))
                    return Bad(spec, $"expected builtin:blobs[:COUNT], COUNT from 1 to {BlobImages.StandardCount}");
                return FinSucc(new TrainingData(BlobImages.Generate(images), None, $"blob images 28 x 28, the first {images}", Some(BlobImages.Side)));
            default:
                return Bad(spec, $"the built-in data sets are builtin:bars-and-stripes:N, builtin:ising:L:BETA[:COUNT], builtin:blobs[:COUNT] and the 2-D toys builtin:TOY[:COUNT], TOY one of {string.Join(", ", Toys2D.Names)}");
        }
    }

    private static bool Whole(string text, int low, int high, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= low && value <= high;

    private static Fin<TrainingData> Bad(string spec, string problem) => FinFail<TrainingData>(TrainConfigErrors.BadDataSpec(spec, problem));

    /// <summary>{0, 1} data as spins 2x - 1 for a spin model; spins as (x + 1) / 2 for a binary one.</summary>
    private static Mat InConvention(Mat data, StateConvention states)
    {
        var low = states == StateConvention.Spin ? -1.0 : 0.0;
        return Mat.Create(data.Rows, data.Columns, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = data.Span[i] == 1.0 ? 1.0 : low;
        });
    }
}
