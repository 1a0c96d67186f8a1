using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>
/// Every GEMM backend against the naive triple loop, on random shapes with every transpose, padded
/// leading dimensions, ragged tiles, several k-slices and the parallel path.
/// </summary>
public class MatrixProductTests
{
    private const double DoubleUnitRoundoff = 1.1102230246251565e-16;
    private const double FloatUnitRoundoff = 5.9604644775390625e-8;

    /// <summary>The backend under test, or null when OpenBLAS is asked for and absent.</summary>
    private static IGemmBackend? Backend(string name) => name == "managed" ? MatrixProduct.Managed : MatrixProduct.OpenBlas;

    public static TheoryData<string, int, int, int> Shapes()
    {
        var data = new TheoryData<string, int, int, int>();
        (int, int, int)[] shapes = [(1, 1, 1), (7, 5, 3), (6, 8, 256), (13, 17, 19), (97, 33, 300), (1, 2050, 3), (150, 90, 160), (2, 3, 600)];
        foreach (var backend in new[] { "managed", "openblas" })
        foreach (var (m, n, k) in shapes)
            data.Add(backend, m, n, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DoubleProductMatchesTheNaiveLoopForEveryTranspose(string backendName, int m, int n, int k)
    {
        var backend = Backend(backendName);
        if (backend is null)
        {
            AssertOpenBlasAbsentMeansManaged();
            return;
        }

        var key = RngKey.FromSeed((ulong)(m * 1_000_003 + n * 1009 + k));
        (bool, bool, double, double)[] cases = [(false, false, 1.0, 0.0), (true, false, -0.75, 2.0), (false, true, 2.0, 1.0), (true, true, 1.0, 0.0), (true, true, -0.75, 2.0)];
        foreach (var (transposeA, transposeB, alpha, beta) in cases)
        {
            var (a, lda) = Random(key.FoldIn(1), transposeA ? k : m, transposeA ? m : k, pad: 3);
            var (b, ldb) = Random(key.FoldIn(2), transposeB ? n : k, transposeB ? k : n, pad: 1);
            var (c, ldc) = Random(key.FoldIn(3), m, n, pad: 2);
            var (expected, scale) = NaiveProduct.Gemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

            backend.Gemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

            for (var i = 0; i < c.Length; i++)
            {
                var bound = NaiveProduct.Bound(k, scale[i], DoubleUnitRoundoff);
                Assert.True(Math.Abs(c[i] - expected[i]) <= bound,
                    $"{backend.Name} {m}x{n}x{k} tA={transposeA} tB={transposeB}: entry {i} is {c[i]:R}, expected {expected[i]:R} within {bound:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SmallIntegerProductsAreExact(string backendName, int m, int n, int k)
    {
        var backend = Backend(backendName);
        if (backend is null)
        {
            AssertOpenBlasAbsentMeansManaged();
            return;
        }

        // Entries in {-3, ..., 3}: every partial sum is an integer below 2^53, so any order of summation is exact.
        var key = RngKey.FromSeed(99);
        var (a, lda) = Integers(key.FoldIn(1), k, m, pad: 1);
        var (b, ldb) = Integers(key.FoldIn(2), n, k, pad: 0);
        var c = Enumerable.Repeat(double.NaN, m * n).ToArray();
        var (expected, _) = NaiveProduct.Gemm(true, true, m, n, k, 1.0, a, lda, b, ldb, 0.0, new double[m * n], n);

        backend.Gemm(true, true, m, n, k, 1.0, a, lda, b, ldb, 0.0, c, n);

        Assert.Equal(expected, c);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FloatProductMatchesTheNaiveLoopWithinFloatRounding(string backendName, int m, int n, int k)
    {
        var backend = Backend(backendName);
        if (backend is null)
        {
            AssertOpenBlasAbsentMeansManaged();
            return;
        }

        var key = RngKey.FromSeed(5);
        var (a, lda) = Random(key.FoldIn(1), m, k, pad: 0);
        var (b, ldb) = Random(key.FoldIn(2), n, k, pad: 2);
        var (cd, ldc) = Random(key.FoldIn(3), m, n, pad: 0);
        // Round the inputs to float first: the reference then differs from the float product only by its sums.
        var (af, bf, cf) = (ToFloat(a), ToFloat(b), ToFloat(cd));
        var (expected, scale) = NaiveProduct.Gemm(false, true, m, n, k, 0.5, ToDouble(af), lda, ToDouble(bf), ldb, -1.0, ToDouble(cf), ldc);

        backend.Gemm(false, true, m, n, k, 0.5f, af, lda, bf, ldb, -1.0f, cf, ldc);

        for (var i = 0; i < cf.Length; i++)
            Assert.True(Math.Abs(cf[i] - expected[i]) <= NaiveProduct.Bound(k, scale[i], FloatUnitRoundoff),
                $"{backend.Name}: entry {i} is {cf[i]:R}, expected {expected[i]:R}");
    }

    [Theory]
    [InlineData("managed")]
    [InlineData("openblas")]
    public void TrivialProductsFollowTheBlasConventions(string backendName)
    {
        var backend = Backend(backendName);
        if (backend is null)
        {
            AssertOpenBlasAbsentMeansManaged();
            return;
        }

        // k = 0: C = beta C, and with beta = 0 the NaN garbage in C is cleared.
        var c = new[] { 1.0, 2.0, double.NaN, 4.0 };
        backend.Gemm(false, false, 2, 2, 0, 1.0, [], 1, [], 2, 0.0, c, 2);
        Assert.Equal(new double[4], c);

        c = [1.0, 2.0, 3.0, 4.0];
        backend.Gemm(false, false, 2, 2, 0, 1.0, [], 1, [], 2, 3.0, c, 2);
        Assert.Equal(new[] { 3.0, 6.0, 9.0, 12.0 }, c);

        // alpha = 0: A and B are not read, so their NaNs do not leak into C.
        c = [1.0, 2.0];
        backend.Gemm(false, false, 1, 2, 1, 0.0, [double.NaN], 1, [double.NaN, double.NaN], 2, 1.0, c, 2);
        Assert.Equal(new[] { 1.0, 2.0 }, c);

        // m = 0 or n = 0: nothing to do, even with empty spans.
        backend.Gemm(false, false, 0, 3, 2, 1.0, [], 2, new double[6], 3, 0.0, [], 3);
        backend.Gemm(false, false, 3, 0, 2, 1.0, new double[6], 2, [], 1, 0.0, [], 1);
    }

    [Theory]
    [InlineData("managed")]
    [InlineData("openblas")]
    public void BetaZeroOverwritesNaNGarbage(string backendName)
    {
        var backend = Backend(backendName);
        if (backend is null)
        {
            AssertOpenBlasAbsentMeansManaged();
            return;
        }

        double[] a = [1, 2, 3, 4, 5, 6];
        double[] b = [1, 0, 0, 1, 1, 1];
        var c = Enumerable.Repeat(double.NaN, 4).ToArray();

        backend.Gemm(false, false, 2, 2, 3, 1.0, a, 3, b, 2, 0.0, c, 2);

        Assert.Equal(new[] { 4.0, 5.0, 10.0, 11.0 }, c);
    }

    [Fact]
    public void ManagedRowsComputedAloneEqualTheWholeProductBitForBit()
    {
        // 150 x 50 x 300 runs the parallel, two-slice path; one row at a time runs serially with a
        // different blocking. The per-element arithmetic is the same, so the bits must be too.
        const int m = 150, n = 50, k = 300;
        var key = RngKey.FromSeed(11);
        var (a, _) = Random(key.FoldIn(1), m, k, pad: 0);
        var (b, _) = Random(key.FoldIn(2), k, n, pad: 0);
        var whole = new double[m * n];
        var byRow = new double[m * n];

        MatrixProduct.Managed.Gemm(false, false, m, n, k, 1.0, a, k, b, n, 0.0, whole, n);
        for (var i = 0; i < m; i++)
            MatrixProduct.Managed.Gemm(false, false, 1, n, k, 1.0, a.AsSpan(i * k, k), k, b, n, 0.0, byRow.AsSpan(i * n, n), n);

        Assert.Equal(whole, byRow);
    }

    [Fact]
    public void MultiplyGivesTheProductOfTwoMatrices()
    {
        var x = Mat.FromRows([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]);
        var y = Mat.FromRows([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]);

        Assert.Equal(Mat.FromRows([[58.0, 64.0], [139.0, 154.0]]), MatrixProduct.Multiply(x, y));
        Assert.Equal(Mat.Zeros(2, 2), MatrixProduct.Multiply(Mat.Zeros(2, 0), Mat.Zeros(0, 2)));
        Assert.Throws<ArgumentException>(() => MatrixProduct.Multiply(x, x));
    }

    [Fact]
    public void InvalidArgumentsAreArgumentExceptions()
    {
        var managed = MatrixProduct.Managed;
        var buffer = new double[12];
        Assert.Throws<ArgumentOutOfRangeException>(() => managed.Gemm(false, false, -1, 2, 2, 1.0, new double[4], 2, new double[4], 2, 0.0, new double[4], 2));
        Assert.Throws<ArgumentException>(() => managed.Gemm(false, false, 2, 2, 3, 1.0, new double[6], 2, new double[6], 2, 0.0, new double[4], 2));
        Assert.Throws<ArgumentException>(() => managed.Gemm(false, false, 2, 2, 3, 1.0, new double[5], 3, new double[6], 2, 0.0, new double[4], 2));
        Assert.Throws<ArgumentException>(() => managed.Gemm(true, false, 2, 2, 3, 1.0, new double[6], 3, new double[6], 2, 0.0, new double[4], 2));
        Assert.Throws<ArgumentException>(() => managed.Gemm(false, false, 2, 2, 2, 1.0, buffer.AsSpan(0, 4), 2, buffer.AsSpan(4, 4), 2, 0.0, buffer.AsSpan(2, 4), 2));
    }

    [Fact]
    public void TheBackendFollowsTheSettingAndWhetherOpenBlasRunsVectorKernels()
    {
        var managed = MatrixProduct.Managed;
        Assert.Same(managed, MatrixProduct.Choose("managed", MatrixProduct.OpenBlas, managed));
        Assert.Same(managed, MatrixProduct.Choose(" Managed ", MatrixProduct.OpenBlas, managed));
        Assert.Same(managed, MatrixProduct.Choose(null, null, managed));
        Assert.Same(managed, MatrixProduct.Choose("openblas", null, managed));
        Assert.EndsWith("no OpenBLAS library found", MatrixProduct.Describe(null, managed, null));
        var setting = Environment.GetEnvironmentVariable(MatrixProduct.BackendVariable);
        Assert.Same(MatrixProduct.Choose(setting, MatrixProduct.OpenBlas, managed), MatrixProduct.Backend);
        Assert.StartsWith(MatrixProduct.Backend.Description, MatrixProduct.BackendDescription);

        if (MatrixProduct.OpenBlas is { } openBlas)
        {
            IGemmBackend automatic = openBlas.HasVectorKernels ? openBlas : managed;
            Assert.Same(openBlas, MatrixProduct.Choose("openblas", openBlas, managed));
            Assert.Same(automatic, MatrixProduct.Choose(null, openBlas, managed));
            Assert.Same(automatic, MatrixProduct.Choose("auto", openBlas, managed));
            Assert.StartsWith("OpenBLAS (libopenblas", openBlas.Description);
            Assert.Equal(openBlas.Description, MatrixProduct.Describe(null, openBlas, openBlas));
            Assert.EndsWith("EBM_GEMM=managed", MatrixProduct.Describe("managed", managed, openBlas));
            if (!openBlas.HasVectorKernels)
                Assert.Contains($"its generic {openBlas.CoreName} kernels", MatrixProduct.Describe(null, managed, openBlas));
        }
        else
        {
            AssertOpenBlasAbsentMeansManaged();
        }
    }

    [Fact]
    public void OpenBlasFallbackKernelsOnAnAvx2CpuAreNotVectorKernels()
    {
        if (MatrixProduct.OpenBlas is not { } openBlas)
        {
            AssertOpenBlasAbsentMeansManaged();
            return;
        }

        Assert.False(string.IsNullOrEmpty(openBlas.CoreName));
        var avx2 = System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported;
        if (openBlas.CoreName is "Prescott" or "Core2" or "Nehalem") Assert.Equal(!avx2, openBlas.HasVectorKernels);
        if (openBlas.CoreName is "Haswell" or "SkylakeX" or "Zen" or "Cooperlake") Assert.True(openBlas.HasVectorKernels);
    }

    [Theory]
    [InlineData(true, true, "SkylakeX")]
    [InlineData(true, false, "SkylakeX")]
    [InlineData(false, true, "Haswell")]
    [InlineData(false, false, null)]
    public void TheCoreTypeHintFollowsTheInstructionSets(bool avx512, bool avx2Fma, string? expected) =>
        Assert.Equal(expected, OpenBlasGemm.CoreTypeFor(avx512, avx2Fma));

    [Fact]
    public void OpenBlasRunsVectorKernelsOnAVectorCpuUnlessTheUserChoseOtherwise()
    {
        if (MatrixProduct.OpenBlas is not { } openBlas || !OperatingSystem.IsLinux()) return;
        var userChose = Environment.GetEnvironmentVariable(OpenBlasGemm.CoreTypeVariable) is { Length: > 0 } ||
                        Environment.GetEnvironmentVariable(OpenBlasGemm.HintVariable) is { Length: > 0 };
        var avx2 = System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported;
        if (userChose || !avx2) return;

        Assert.True(openBlas.HasVectorKernels, $"OpenBLAS runs {openBlas.CoreName} kernels");
    }

    [Fact]
    public void TheBackendIsChosenOnceAndAnotherChoiceIsRefused()
    {
        var backend = MatrixProduct.Backend;

        MatrixProduct.Use(backend);

        Assert.Same(backend, MatrixProduct.Backend);
        Assert.Throws<InvalidOperationException>(() => MatrixProduct.Use(new ManagedGemm(1)));
        Assert.Same(backend, MatrixProduct.Backend);
    }

    [Fact]
    public void TheManagedKernelGivesTheSameBitsWhateverItsThreadLimit()
    {
        const int m = 300, n = 200, k = 700;
        var key = RngKey.FromSeed(11);
        var (a, _) = Random(key.FoldIn(0), m, k, 0);
        var (b, _) = Random(key.FoldIn(1), k, n, 0);
        var unlimited = new double[m * n];
        var single = new double[m * n];
        var two = new double[m * n];

        MatrixProduct.Managed.Gemm(false, false, m, n, k, 1.0, a, k, b, n, 0.0, unlimited, n);
        new ManagedGemm(1).Gemm(false, false, m, n, k, 1.0, a, k, b, n, 0.0, single, n);
        new ManagedGemm(2).Gemm(false, false, m, n, k, 1.0, a, k, b, n, 0.0, two, n);

        Assert.Equal(unlimited, single);
        Assert.Equal(unlimited, two);
        Assert.Contains("up to 1 threads", new ManagedGemm(1).Description);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManagedGemm(0));
    }

    [Fact]
    public void OpenBlasLoadsWhereTheSystemLibraryIsInstalled()
    {
        var installed = File.Exists("/usr/lib/x86_64-linux-gnu/libopenblas.so.0") || File.Exists("/usr/lib/aarch64-linux-gnu/libopenblas.so.0");

        Assert.True(!installed || MatrixProduct.OpenBlas is not null, "libopenblas.so.0 is installed but did not load");
    }

    private static void AssertOpenBlasAbsentMeansManaged()
    {
        Assert.Null(MatrixProduct.OpenBlas);
        Assert.Equal("managed", MatrixProduct.Backend.Name);
        Assert.StartsWith("managed SIMD", MatrixProduct.Backend.Description);
        Assert.EndsWith("no OpenBLAS library found", MatrixProduct.BackendDescription);
    }

    private static (double[] Values, int Stride) Random(RngKey key, int rows, int columns, int pad)
    {
        var stride = Math.Max(1, columns + pad);
        var values = new double[Math.Max(0, rows * stride)];
        key.Normal(values);
        return (values, stride);
    }

    private static (double[] Values, int Stride) Integers(RngKey key, int rows, int columns, int pad)
    {
        var (values, stride) = Random(key, rows, columns, pad);
        for (var i = 0; i < values.Length; i++) values[i] = Math.Clamp(Math.Round(values[i] * 1.5), -3, 3);
        return (values, stride);
    }

    private static float[] ToFloat(double[] x) => x.Select(v => (float)v).ToArray();

    private static double[] ToDouble(float[] x) => x.Select(v => (double)v).ToArray();
}
