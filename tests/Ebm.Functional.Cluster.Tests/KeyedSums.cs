using System.Globalization;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster.Tests;

/// <summary>
/// A block of work for the cluster tests: the sum of 20,000 uniforms of <c>RngKey.FromSeed(seed).FoldIn(block)</c>, after
/// an optional pause (so that a run is still going when a test stops a worker), failing on request.
/// </summary>
internal static class KeyedSums
{
    public sealed record Input(ulong Seed, int Block, int PauseMilliseconds, bool Fail);

    public static WorkKind<Input, double> Kind { get; } = new(
        "test.keyed-sum",
        (input, _) =>
        {
            if (input.PauseMilliseconds > 0) Thread.Sleep(input.PauseMilliseconds);
            if (input.Fail) return FinFail<double>(Error.New(1, $"block {input.Block} fails by request"));
            var draws = new double[20_000];
            RngKey.FromSeed(input.Seed).FoldIn(input.Block).Uniform(draws);
            return FinSucc(draws.Sum());
        },
        new WorkCodec<Input>(
            i => string.Create(CultureInfo.InvariantCulture, $"{i.Seed} {i.Block} {i.PauseMilliseconds} {i.Fail}"),
            text =>
            {
                var parts = text.Split(' ');
                return FinSucc(new Input(ulong.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
                    int.Parse(parts[2], CultureInfo.InvariantCulture), bool.Parse(parts[3])));
            }),
        new WorkCodec<double>(
            d => BitConverter.DoubleToInt64Bits(d).ToString(CultureInfo.InvariantCulture),
            text => FinSucc(BitConverter.Int64BitsToDouble(long.Parse(text, CultureInfo.InvariantCulture)))));

    public static WorkCatalog Catalog { get; } = WorkCatalog.Of(Kind);

    public static Input[] Inputs(int blocks, int pause = 0, int failAt = -1) =>
        Enumerable.Range(0, blocks).Select(b => new Input(7, b, pause, b == failAt)).ToArray();
}
