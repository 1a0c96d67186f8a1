using Ebm.Cli.Output;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// The particle blocks of <c>ebm thermo --method ais</c> as work for an executor (<see cref="ThermoSweep.AnnealBlock(RngKey, IEnergyModel, IReadOnlyList{double}, AnnealedSettings, int, IProgress{double}?)"/>):
/// on this machine the run is <see cref="ThermoSweep.Annealed"/> (its blocks one after another, each on every core); on a
/// cluster each block of 1,024 particles goes to a worker, and <see cref="ThermoSweep.CombineAnnealed"/> makes them, in
/// order, into the same points, bit for bit.
/// </summary>
internal static class AnnealedBlockWork
{
    /// <summary>The work's name on the wire.</summary>
    public const string Name = "thermo.ais-block";

    /// <summary>The kind a worker registers.</summary>
    public static WorkKind<Input, AnnealedBlock> Kind { get; } = new(Name, Anneal,
        WorkCodec<Input>.Json("a thermodynamic AIS block's input"),
        new WorkCodec<AnnealedBlock>(b => WorkCodec<Wire>.Json("").Write(Wire.Of(b)),
            text => WorkCodec<Wire>.FromJson(text, "a thermodynamic AIS block's result").Bind(w => w.ToBlock())));

    /// <summary>The points of the run: <see cref="ThermoSweep.Annealed"/> on this machine, block by block through <paramref name="executor"/> on a cluster.</summary>
    public static Fin<Seq<ThermoPoint>> Run(IExecutor executor, RngKey key, IEnergyModel model, IReadOnlyList<double> betas, AnnealedSettings settings, IProgress<double>? progress)
    {
        if (executor is LocalExecutor) return ThermoSweep.Annealed(key, model, betas, settings, progress);
        var text = ModelFile.Serialize(model);
        var grid = betas.Select(BitConverter.DoubleToInt64Bits).ToArray();
        var inputs = Enumerable.Range(0, ThermoSweep.AnnealedBlockCount(settings.Particles))
            .Select(b => new Input(text, grid, settings.Particles, settings.Substeps, settings.SweepsPerStep, key.K0, key.K1, b)).ToArray();
        return executor.Map(Kind, inputs, progress).Bind(blocks => ThermoSweep.CombineAnnealed(model, betas, settings, blocks));
    }

    private static Fin<AnnealedBlock> Anneal(Input input, IProgress<double>? progress) =>
        from model in ModelFile.Parse(input.Model)
        from block in ThermoSweep.AnnealBlock(new RngKey(input.Key0, input.Key1), model, input.Grid.Select(BitConverter.Int64BitsToDouble).ToArray(),
            new AnnealedSettings(input.Particles, input.Substeps, input.Sweeps), input.Block, progress)
        select block;

    /// <summary>
    /// One block as it travels to a worker: the model file's text, the grid as the 64 bits of each beta, the run's particle
    /// count, substeps and sweeps, the run's key and the block's index.
    /// </summary>
    internal sealed record Input(string Model, long[] Grid, int Particles, int Substeps, int Sweeps, uint Key0, uint Key1, int Block);

    /// <summary>A block's result on the wire: every vector as base64 of its doubles' bytes (<see cref="WireDoubles"/>), so every bit survives.</summary>
    private sealed record Wire(int Block, string[] LogWeights, string[] Energies, string[]? Orders)
    {
        public static Wire Of(AnnealedBlock b) => new(b.Block,
            b.Points.Map(p => WireDoubles.Text(p.LogWeights.Span)).ToArray(),
            b.Points.Map(p => WireDoubles.Text(p.Energies.Span)).ToArray(),
            b.Points.ForAll(p => p.Orders.IsSome) && !b.Points.IsEmpty
                ? b.Points.Map(p => p.Orders.Match(o => WireDoubles.Text(o.Span), () => "")).ToArray()
                : null);

        public Fin<AnnealedBlock> ToBlock()
        {
            if (LogWeights is null || Energies is null || Energies.Length != LogWeights.Length || (Orders is not null && Orders.Length != LogWeights.Length))
                return FinFail<AnnealedBlock>(ExecutionErrors.BadMessage("a thermodynamic AIS block's result", "the points' vectors do not line up"));
            try
            {
                return FinSucc(new AnnealedBlock(Block, Enumerable.Range(0, LogWeights.Length).Select(g => new AnnealedPoint(
                    Vec.Of(WireDoubles.Read(LogWeights[g])), Vec.Of(WireDoubles.Read(Energies[g])),
                    Orders is null ? Option<Vec>.None : Some(Vec.Of(WireDoubles.Read(Orders[g]))))).ToSeq()));
            }
            catch (FormatException e)
            {
                return FinFail<AnnealedBlock>(ExecutionErrors.BadMessage("a thermodynamic AIS block's result", e.Message));
            }
        }
    }
}
