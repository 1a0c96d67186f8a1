using System.Buffers;
using System.Numerics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>The per-step buffers of the kernel.</summary>
internal static partial class ContrastiveKernel
{
    /// <summary>
    /// The per-step buffers: V stacks up to <c>largest</c> minibatch rows over the negative rows, P the matching p(h | v)
    /// rows, H the negative hidden states (for PCD the chains' state between steps), the visible field, the narrowed
    /// biases, per-row scratch for the reconstruction error (a visible row per negative row) and the errors. Pooled for a
    /// single step, owned for a sweep.
    /// </summary>
    private sealed class Buffers<T> : IDisposable
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly bool _pooled;

        public Buffers(int largest, int chains, int nv, int nh, bool pooled)
        {
            _pooled = pooled;
            (VisibleUnits, HiddenUnits, Persistent) = (nv, nh, chains > 0);
            Negative = Persistent ? chains : largest;
            var rows = largest + Negative;
            V = Take<T>(rows * nv);
            P = Take<T>(rows * nh);
            H = Take<T>(Negative * nh);
            Field = Take<T>(Negative * nv);
            VisibleBias = Take<T>(nv);
            HiddenBias = Take<T>(nh);
            Scratch = Take<double>(Negative * nv);
            Errors = new double[Negative];
        }

        public int VisibleUnits { get; }

        public int HiddenUnits { get; }

        public bool Persistent { get; }

        /// <summary>Negative rows: the chains for PCD, the largest minibatch for CD.</summary>
        public int Negative { get; }

        public T[] V { get; }

        public T[] P { get; }

        public T[] H { get; }

        public T[] Field { get; }

        public T[] VisibleBias { get; }

        public T[] HiddenBias { get; }

        public double[] Scratch { get; }

        public double[] Errors { get; }

        /// <summary>The chains' (v, h) rows after a step on a minibatch of <paramref name="n"/> rows, as one C x (nv + nh) matrix.</summary>
        public Mat Chains(int n) =>
            Joint<T>(V.AsSpan(n * VisibleUnits, Negative * VisibleUnits), H.AsSpan(0, Negative * HiddenUnits), Negative, VisibleUnits, HiddenUnits);

        public void Dispose()
        {
            if (!_pooled) return;
            ArrayPool<double>.Shared.Return(Scratch);
            ArrayPool<T>.Shared.Return(HiddenBias);
            ArrayPool<T>.Shared.Return(VisibleBias);
            ArrayPool<T>.Shared.Return(Field);
            ArrayPool<T>.Shared.Return(H);
            ArrayPool<T>.Shared.Return(P);
            ArrayPool<T>.Shared.Return(V);
        }

        private TElement[] Take<TElement>(int length) => _pooled ? ArrayPool<TElement>.Shared.Rent(length) : GC.AllocateUninitializedArray<TElement>(length);
    }
}
