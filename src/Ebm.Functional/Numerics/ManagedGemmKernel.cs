using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ebm.Functional.Numerics;

/// <summary>
/// The blocked SIMD product behind <see cref="ManagedGemm"/>, after the GotoBLAS/BLIS loop nest.
/// </summary>
/// <remarks>
/// <para>Goto and van de Geijn (2008), "Anatomy of high-performance matrix multiplication"; Van Zee and
/// van de Geijn (2015), "BLIS". For each NC-wide column panel and KC-deep slice, op(B) is packed into
/// NR-wide strips and op(A) into MR-high strips of MC-row blocks (transposes and ragged edges are
/// handled while packing, zero-padded); a 6 x 2-vector register tile then accumulates with fused
/// multiply-adds.</para>
/// <para>Determinism: every C element gets the sum over its k-slice in increasing p, one FMA per term,
/// from a zero accumulator, and the slices are added to C in increasing order; the row blocks of a
/// slice run in parallel but each C element belongs to exactly one block. The bits therefore depend on
/// neither the thread count nor the vector width.</para>
/// </remarks>
internal static unsafe class ManagedGemmKernel<T, TVector, TLanes>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVector : struct
    where TLanes : ISimdLanes<TVector, T>
{
    private const int TileRows = 6;
    private const int SliceDepth = 256;
    private const int BlockRows = 16 * TileRows;
    private const int PanelColumns = 2048;
    private const long ParallelWork = 1L << 21;

    private static int TileColumns => 2 * TLanes.Count;

    /// <summary>C = alpha op(A) op(B) + beta C for validated, non-trivial arguments (m, n, k &gt; 0, alpha != 0).</summary>
    public static void Run(
        int maxDegreeOfParallelism, bool transposeA, bool transposeB, int m, int n, int k,
        T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb,
        T beta, Span<T> c, int ldc)
    {
        var parallel = (long)m * n * k >= ParallelWork && Batch.Workers(maxDegreeOfParallelism) > 1;
        var panelWidth = Math.Min(PanelColumns, n);
        var packedB = ArrayPool<T>.Shared.Rent(SliceDepth * RoundUp(panelWidth, TileColumns));
        try
        {
            fixed (T* pa = a)
            fixed (T* pb = b)
            fixed (T* pc = c)
            fixed (T* packed = packedB)
            {
                var operands = new Operands(transposeA, transposeB, m, pa, lda, pb, ldb, pc, ldc, alpha, beta);
                for (var column = 0; column < n; column += PanelColumns)
                {
                    var width = Math.Min(PanelColumns, n - column);
                    for (var depth = 0; depth < k; depth += SliceDepth)
                    {
                        var slice = new Slice(column, width, depth, Math.Min(SliceDepth, k - depth), depth == 0, packed);
                        PackB(operands, slice);
                        var blocks = (m + BlockRows - 1) / BlockRows;
                        if (parallel && blocks > 1)
                            Batch.ForEachRow(maxDegreeOfParallelism, blocks, block => ComputeBlock(operands, slice, block * BlockRows));
                        else
                            for (var block = 0; block < blocks; block++) ComputeBlock(operands, slice, block * BlockRows);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedB);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>Packs op(B)[depth .. depth+kc, column .. column+width] into NR-wide strips, p-major inside a strip.</summary>
    private static void PackB(in Operands o, in Slice s)
    {
        var nr = TileColumns;
        for (var strip = 0; strip < s.Width; strip += nr)
        {
            var destination = s.PackedB + strip * s.Depth;
            var columns = Math.Min(nr, s.Width - strip);
            for (var p = 0; p < s.Depth; p++)
            {
                var row = destination + p * nr;
                var k = s.DepthStart + p;
                for (var jj = 0; jj < nr; jj++)
                {
                    var j = s.ColumnStart + strip + jj;
                    row[jj] = jj >= columns ? T.Zero : o.TransposeB ? o.B[(long)j * o.Ldb + k] : o.B[(long)k * o.Ldb + j];
                }
            }
        }
    }

    /// <summary>Packs op(A)[row .. row+mc, depth .. depth+kc] into MR-high strips, p-major inside a strip.</summary>
    private static void PackA(in Operands o, in Slice s, int rowStart, int rows, T* destination)
    {
        for (var strip = 0; strip < rows; strip += TileRows)
        {
            var target = destination + strip * s.Depth;
            var height = Math.Min(TileRows, rows - strip);
            for (var p = 0; p < s.Depth; p++)
            {
                var k = s.DepthStart + p;
                for (var ii = 0; ii < TileRows; ii++)
                {
                    var i = rowStart + strip + ii;
                    target[p * TileRows + ii] = ii >= height ? T.Zero : o.TransposeA ? o.A[(long)k * o.Lda + i] : o.A[(long)i * o.Lda + k];
                }
            }
        }
    }

    private static void ComputeBlock(Operands o, Slice s, int rowStart)
    {
        var rows = Math.Min(BlockRows, o.M - rowStart);
        var packedA = ArrayPool<T>.Shared.Rent(RoundUp(rows, TileRows) * s.Depth);
        try
        {
            fixed (T* pa = packedA)
            {
                PackA(o, s, rowStart, rows, pa);
                var nr = TileColumns;
                for (var strip = 0; strip < s.Width; strip += nr)
                {
                    var columns = Math.Min(nr, s.Width - strip);
                    for (var tile = 0; tile < rows; tile += TileRows)
                    {
                        var c = o.C + (long)(rowStart + tile) * o.Ldc + s.ColumnStart + strip;
                        var height = Math.Min(TileRows, rows - tile);
                        MicroTile(pa + tile * s.Depth, s.PackedB + strip * s.Depth, s.Depth, c, o.Ldc, height, columns, o, s.First);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedA);
        }
    }

    /// <summary>A 6 x 2-vector tile of op(A) op(B) over one k-slice, then merged into C.</summary>
    [SkipLocalsInit]
    private static void MicroTile(T* a, T* b, int depth, T* c, int ldc, int height, int columns, in Operands o, bool first)
    {
        var w = TLanes.Count;
        TVector c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        TVector c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < depth; p++)
        {
            var b0 = TLanes.Load(b);
            var b1 = TLanes.Load(b + w);
            var x = TLanes.Broadcast(a[0]);
            c00 = TLanes.FusedMultiplyAdd(x, b0, c00);
            c01 = TLanes.FusedMultiplyAdd(x, b1, c01);
            x = TLanes.Broadcast(a[1]);
            c10 = TLanes.FusedMultiplyAdd(x, b0, c10);
            c11 = TLanes.FusedMultiplyAdd(x, b1, c11);
            x = TLanes.Broadcast(a[2]);
            c20 = TLanes.FusedMultiplyAdd(x, b0, c20);
            c21 = TLanes.FusedMultiplyAdd(x, b1, c21);
            x = TLanes.Broadcast(a[3]);
            c30 = TLanes.FusedMultiplyAdd(x, b0, c30);
            c31 = TLanes.FusedMultiplyAdd(x, b1, c31);
            x = TLanes.Broadcast(a[4]);
            c40 = TLanes.FusedMultiplyAdd(x, b0, c40);
            c41 = TLanes.FusedMultiplyAdd(x, b1, c41);
            x = TLanes.Broadcast(a[5]);
            c50 = TLanes.FusedMultiplyAdd(x, b0, c50);
            c51 = TLanes.FusedMultiplyAdd(x, b1, c51);
            a += TileRows;
            b += 2 * w;
        }

        if (height == TileRows && columns == 2 * w)
        {
            Merge(c, c00, c01, w, o, first);
            Merge(c + ldc, c10, c11, w, o, first);
            Merge(c + 2L * ldc, c20, c21, w, o, first);
            Merge(c + 3L * ldc, c30, c31, w, o, first);
            Merge(c + 4L * ldc, c40, c41, w, o, first);
            Merge(c + 5L * ldc, c50, c51, w, o, first);
            return;
        }

        var tile = stackalloc T[TileRows * 2 * w];
        TLanes.Store(c00, tile);
        TLanes.Store(c01, tile + w);
        TLanes.Store(c10, tile + 2 * w);
        TLanes.Store(c11, tile + 3 * w);
        TLanes.Store(c20, tile + 4 * w);
        TLanes.Store(c21, tile + 5 * w);
        TLanes.Store(c30, tile + 6 * w);
        TLanes.Store(c31, tile + 7 * w);
        TLanes.Store(c40, tile + 8 * w);
        TLanes.Store(c41, tile + 9 * w);
        TLanes.Store(c50, tile + 10 * w);
        TLanes.Store(c51, tile + 11 * w);
        for (var i = 0; i < height; i++)
        for (var j = 0; j < columns; j++)
            c[(long)i * ldc + j] = MergeOne(c[(long)i * ldc + j], tile[i * 2 * w + j], o, first);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge(T* c, TVector left, TVector right, int w, in Operands o, bool first)
    {
        MergeVector(c, left, o, first);
        MergeVector(c + w, right, o, first);
    }

    /// <summary>The same arithmetic as <see cref="MergeOne"/>, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MergeVector(T* c, TVector sum, in Operands o, bool first)
    {
        var scaled = TLanes.Scale(sum, o.Alpha);
        if (!first) scaled = TLanes.Add(TLanes.Load(c), scaled);
        else if (o.Beta != T.Zero) scaled = TLanes.Add(scaled, TLanes.Scale(TLanes.Load(c), o.Beta));
        TLanes.Store(scaled, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MergeOne(T old, T sum, in Operands o, bool first)
    {
        var scaled = sum * o.Alpha;
        if (!first) return old + scaled;
        return o.Beta != T.Zero ? scaled + old * o.Beta : scaled;
    }

    /// <summary>The pinned operands of one product.</summary>
    private readonly struct Operands(
        bool transposeA, bool transposeB, int m, T* a, int lda, T* b, int ldb, T* c, int ldc, T alpha, T beta)
    {
        public readonly bool TransposeA = transposeA;
        public readonly bool TransposeB = transposeB;
        public readonly int M = m;
        public readonly T* A = a;
        public readonly int Lda = lda;
        public readonly T* B = b;
        public readonly int Ldb = ldb;
        public readonly T* C = c;
        public readonly int Ldc = ldc;
        public readonly T Alpha = alpha;
        public readonly T Beta = beta;
    }

    /// <summary>One column panel and k-slice, with its packed op(B).</summary>
    private readonly struct Slice(int columnStart, int width, int depthStart, int depth, bool first, T* packedB)
    {
        public readonly int ColumnStart = columnStart;
        public readonly int Width = width;
        public readonly int DepthStart = depthStart;
        public readonly int Depth = depth;
        public readonly bool First = first;
        public readonly T* PackedB = packedB;
    }
}
