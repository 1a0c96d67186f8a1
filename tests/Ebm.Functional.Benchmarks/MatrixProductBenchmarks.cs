using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// The GEMM seam on the shapes that matter: a square 2048 product (the machine's GEMM anchor, as in the
/// peers' <c>gemm_peak.py</c>) and the RBM-shaped 2048 x 20 times 20 x 784 product, for each backend
/// in double and single precision. The GFLOP/s column is 2 m n k / mean time.
/// </summary>
[Config(typeof(GflopsConfig))]
public class MatrixProductBenchmarks
{
    private double[] _a = [];
    private double[] _b = [];
    private double[] _c = [];
    private float[] _af = [];
    private float[] _bf = [];
    private float[] _cf = [];
    private IGemmBackend _backend = MatrixProduct.Managed;

    /// <summary>The product's shape.</summary>
    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = new(1, 1, 1);

    /// <summary>The backend's name: "openblas" (when it loads) or "managed".</summary>
    [ParamsSource(nameof(Backends))]
    public string Backend { get; set; } = "managed";

    /// <summary>The shapes measured.</summary>
    public static IEnumerable<GemmShape> Shapes() => [new(2048, 2048, 2048), new(2048, 784, 20)];

    /// <summary>The backends available here.</summary>
    public static IEnumerable<string> Backends() =>
        MatrixProduct.OpenBlas is null ? ["managed"] : ["openblas", "managed"];

    /// <summary>Fills A (m x k) and B (k x n) with standard normals.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _backend = Backend == "openblas" ? MatrixProduct.OpenBlas! : MatrixProduct.Managed;
        var key = RngKey.FromSeed(2048);
        _a = new double[Shape.M * Shape.K];
        _b = new double[Shape.K * Shape.N];
        _c = new double[Shape.M * Shape.N];
        key.FoldIn(0).Normal(_a);
        key.FoldIn(1).Normal(_b);
        _af = _a.Select(x => (float)x).ToArray();
        _bf = _b.Select(x => (float)x).ToArray();
        _cf = new float[_c.Length];
    }

    /// <summary>C = A B in double precision.</summary>
    [Benchmark(Baseline = true)]
    public void Dgemm() =>
        _backend.Gemm(false, false, Shape.M, Shape.N, Shape.K, 1.0, _a, Shape.K, _b, Shape.N, 0.0, _c, Shape.N);

    /// <summary>C = A B in single precision.</summary>
    [Benchmark]
    public void Sgemm() =>
        _backend.Gemm(false, false, Shape.M, Shape.N, Shape.K, 1f, _af, Shape.K, _bf, Shape.N, 0f, _cf, Shape.N);

    /// <summary>A product's dimensions: op(A) is M x K, op(B) is K x N.</summary>
    public sealed record GemmShape(int M, int N, int K)
    {
        /// <summary>Floating-point operations of one product: 2 M N K.</summary>
        public double Flops => 2.0 * M * N * K;

        /// <inheritdoc />
        public override string ToString() => $"{M}x{K}*{K}x{N}";
    }

    /// <summary>Adds the GFLOP/s column.</summary>
    public sealed class GflopsConfig : ManualConfig
    {
        /// <summary>The column on top of the default configuration.</summary>
        public GflopsConfig() => AddColumn(new GflopsColumn());
    }

    /// <summary>2 M N K divided by the mean time of one product.</summary>
    private sealed class GflopsColumn : IColumn
    {
        public string Id => nameof(GflopsColumn);

        public string ColumnName => "GFLOP/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Floating-point operations per second, 2 M N K / mean, in units of 10^9";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return benchmarkCase.Parameters["Shape"] is GemmShape shape && mean is > 0
                ? (shape.Flops / mean.Value).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)
                : "-";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
