using Ebm.Cli.Output;
using System.Runtime.InteropServices;
using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// Particles and vectors of doubles as they travel between the blocks of a global SMC run: the raw little-endian bits in
/// base64, so every double arrives with the bits it left with, at a fraction of JSON's size. A batch is its matrices and
/// vectors in order (an Ising batch its spins; the receiver's own batch supplies the model).
/// </summary>
internal static class SmcParticleCodec
{
    /// <summary>The doubles as base64 of their bits.</summary>
    public static string Doubles(ReadOnlySpan<double> values) => WireDoubles.Text(values);

    /// <summary>The doubles of <see cref="Doubles"/>.</summary>
    public static double[] FromDoubles(string text) => WireDoubles.Read(text);

    /// <summary>Whether batches of <typeparamref name="TState"/> can travel: the particle types of <c>ebm logz</c>'s paths.</summary>
    public static bool Supports<TState>() =>
        typeof(TState) == typeof(DiscreteChains) || typeof(TState) == typeof(ContinuousChains) || typeof(TState) == typeof(RbmChains)
        || typeof(TState) == typeof(RbmAnnealingState) || typeof(TState) == typeof(IsingChains);

    /// <summary>The batch as text; callers check <see cref="Supports{TState}"/> first.</summary>
    public static string Encode<TState>(TState batch) => batch switch
    {
        DiscreteChains d => Pack(d.States, d.Energies),
        ContinuousChains c => Pack(c.Positions, c.Energies, c.Gradients),
        RbmChains r => Pack(r.Visible, r.Hidden, r.Energies),
        RbmAnnealingState a => Pack(a.Visible, a.Fields),
        IsingChains i => Pack(i.ToStates()),
        _ => throw new NotSupportedException($"batches of {typeof(TState).Name} do not travel"),
    };

    /// <summary>The batch of <see cref="Encode{TState}"/>, made like <paramref name="like"/> (an Ising batch takes its model), or why the text is not one.</summary>
    public static Fin<TState> Decode<TState>(TState like, string text)
    {
        try
        {
            var parts = Unpack(text);
            object? batch = like switch
            {
                DiscreteChains when parts.Length == 2 => new DiscreteChains(AsMat(parts[0]), AsVec(parts[1])),
                ContinuousChains when parts.Length == 3 => new ContinuousChains(AsMat(parts[0]), AsVec(parts[1]), AsMat(parts[2])),
                RbmChains when parts.Length == 3 => new RbmChains(AsMat(parts[0]), AsMat(parts[1]), AsVec(parts[2])),
                RbmAnnealingState when parts.Length == 2 => new RbmAnnealingState(AsMat(parts[0]), AsMat(parts[1])),
                IsingChains ising when parts.Length == 1 => IsingChains.FromStates(ising.Model, AsMat(parts[0])),
                _ => null,
            };
            return batch is TState state ? FinSucc(state) : FinFail<TState>(ExecutionErrors.BadMessage("an SMC block's particles", $"not a batch of {typeof(TState).Name}"));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or EndOfStreamException or InvalidOperationException or OverflowException)
        {
            return FinFail<TState>(ExecutionErrors.BadMessage("an SMC block's particles", e.Message));
        }
    }

    private static string Pack(params object[] parts)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(parts.Length);
            foreach (var part in parts)
            {
                if (part is Mat m)
                {
                    writer.Write(m.Rows);
                    writer.Write(m.Columns);
                    writer.Write(MemoryMarshal.AsBytes(m.Span));
                }
                else
                {
                    var v = (Vec)part;
                    writer.Write(v.Length);
                    writer.Write(-1);
                    writer.Write(MemoryMarshal.AsBytes(v.Span));
                }
            }
        }

        return Convert.ToBase64String(stream.ToArray());
    }

    private static (int Rows, int Columns, double[] Values)[] Unpack(string text)
    {
        using var reader = new BinaryReader(new MemoryStream(Convert.FromBase64String(text)));
        var parts = new (int, int, double[])[reader.ReadInt32()];
        for (var p = 0; p < parts.Length; p++)
        {
            var (rows, columns) = (reader.ReadInt32(), reader.ReadInt32());
            var count = checked(rows * Math.Max(columns, 1));
            var bytes = reader.ReadBytes(checked(count * sizeof(double)));
            if (bytes.Length != count * sizeof(double)) throw new EndOfStreamException("the batch is cut short");
            parts[p] = (rows, columns, MemoryMarshal.Cast<byte, double>(bytes).ToArray());
        }

        return parts;
    }

    private static Mat AsMat((int Rows, int Columns, double[] Values) part) =>
        part.Columns < 0 ? throw new InvalidOperationException("a vector where a matrix belongs") : Mat.From(part.Rows, part.Columns, part.Values);

    private static Vec AsVec((int Rows, int Columns, double[] Values) part) =>
        part.Columns >= 0 ? throw new InvalidOperationException("a matrix where a vector belongs") : Vec.Of(part.Values);
}
