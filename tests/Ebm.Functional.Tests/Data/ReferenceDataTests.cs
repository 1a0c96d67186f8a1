using System.Buffers.Binary;
using System.Security.Cryptography;
using Ebm.Functional.Annealing;
using Ebm.Functional.Data;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Data;

/// <summary>
/// The portable data set and reference RBMs against the published fingerprints of the same recipe
/// (shared/bench/peers README, "Data recipe", as printed by make_data.py): any deviation of one bit changes a hash.
/// </summary>
public class ReferenceDataTests
{
    private static readonly Lazy<Mat> Images = new(() => BlobImages.Generate());

    [Fact]
    public void Splitmix_first_output_matches()
    {
        Assert.Equal(470456245648421624UL, SplitMix64.Output(BlobImages.Seed, 0));
    }

    [Fact]
    public void Blob_images_match_their_fingerprints()
    {
        var x = Images.Value;
        Assert.Equal((10_000, 784), (x.Rows, x.Columns));
        long ones = 0;
        ulong squares = 0;
        var bytes = new byte[x.Rows * x.Columns];
        var flat = x.Span;
        for (var p = 0; p < flat.Length; p++)
        {
            Assert.True(flat[p] is 0.0 or 1.0);
            if (flat[p] == 0.0) continue;
            bytes[p] = 1;
            ones++;
            var q = (ulong)p + 1;
            squares = unchecked(squares + q * q);
        }

        Assert.Equal(3624148, ones);
        Assert.Equal(496708910832361175UL, squares);
        Assert.Equal("b752489615af30b4", Sha16(bytes));
    }

    [Fact]
    public void Random_rbm_matches_its_fingerprints()
    {
        var rbm = ReferenceRbms.Random();
        Assert.Equal((784, 500), (rbm.Visible, rbm.Hidden));
        Assert.Equal(-5.4778286538108788e-05, rbm.Weights[0, 0]);
        Assert.Equal("33961ba9ae0a0f16", Sha16(rbm.Weights.Span));
        Assert.True(rbm.VisibleBias.Span.ToArray().All(b => b == 0) && rbm.HiddenBias.Span.ToArray().All(c => c == 0));
    }

    [Fact]
    public void Small_rbm_matches_its_fingerprint()
    {
        var rbm = ReferenceRbms.Small();
        Assert.Equal((784, 20), (rbm.Visible, rbm.Hidden));
        Assert.Equal("ac2a55746bb93e22", Sha16([.. rbm.Weights.Span, .. rbm.VisibleBias.Span, .. rbm.HiddenBias.Span]));
    }

    [Fact]
    public void Base_rate_of_the_blob_images_matches_its_fingerprints()
    {
        var bias = BaseRate.VisibleBias(Images.Value).Match(b => b, e => throw new InvalidOperationException(e.Head.Message));
        var sum = 0.0;
        for (var i = 0; i < bias.Length; i++) sum += bias[i];
        // Published with 17 (bA_sum) and 10 (logZ_A) significant decimals; the sum order may differ from NumPy's pairwise sum.
        Assert.Equal(-123.62579467629355, sum, 1e-11);
        Assert.Equal(505.5533895458, BaseRate.LogPartition(bias), 1e-10);
    }

    [Fact]
    public void Base_rate_rejects_bad_input_and_gives_the_uniform_base_without_data()
    {
        Assert.Equal(Vec.Zeros(3), BaseRate.VisibleBias(Mat.Zeros(0, 3)).Match(b => b, _ => Vec.Empty));
        Assert.Equal(RbmAnnealingErrors.InvalidSmoothingCode, BaseRate.VisibleBias(Mat.Zeros(1, 3), 0.0).Match(_ => 0, e => e.Head.Code));
        var bad = Mat.From(1, 2, [0.0, 2.0]);
        Assert.Equal(RbmAnnealingErrors.DataOutOfRangeCode, BaseRate.VisibleBias(bad).Match(_ => 0, e => e.Head.Code));
    }

    private static string Sha16(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (var k = 0; k < values.Length; k++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(k * sizeof(double)), values[k]);
        return Sha16(bytes);
    }

    private static string Sha16(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant()[..16];
}
