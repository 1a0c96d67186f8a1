using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.RbmContrastiveTraining;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// One CD-k or PCD-k step against the same step written with the library's independent pieces: the block-Gibbs sampler,
/// the conditionals, the free-energy gradient (the loss gradient is dF/dθ averaged over the data minus dF/dθ averaged over
/// the negative samples), and the documented draw layout. Also the float32 path, thread independence and the errors.
/// </summary>
public class RbmContrastiveTests
{
    /// <summary>The gradient's GEMM sums in another order than the reference's two products: a few ulps of numbers below 10.</summary>
    private const double SummationTolerance = 1e-12;

    private static readonly BernoulliRbm Model = Random(6, 4, seed: 11, scale: 0.7, bias: 0.5);

    private static Mat Binary(int rows, int columns, ulong seed) => Mat.Create(rows, columns, d =>
    {
        var key = RngKey.FromSeed(seed);
        for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.5 ? 1.0 : 0.0;
    });

    private static Vec Difference(RbmGradient a, RbmGradient b)
    {
        var (x, y) = (RbmTraining.Flatten(a), RbmTraining.Flatten(b));
        return Vec.Create(x.Length, d => { for (var i = 0; i < d.Length; i++) d[i] = x[i] - y[i]; });
    }

    private static void Close(Vec expected, Vec actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"entry {i}: {expected[i]} vs {actual[i]}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Cd_k_is_the_free_energy_gradient_of_the_data_minus_that_after_k_block_gibbs_steps(int k)
    {
        var data = Binary(5, Model.Visible, 1);
        var key = RngKey.FromSeed(21);
        var result = Ok(RbmTraining.ContrastiveDivergence(k).Step(key, Model, Seq<Mat>.Empty, data));

        var sampler = RbmBlockGibbs.Create(Model, 1.0);
        var joint = Mat.Create(5, Model.Dimension, d => { for (var r = 0; r < 5; r++) data.Row(r).CopyTo(d.Slice(r * Model.Dimension, Model.Visible)); });
        var state = sampler.Init(joint);
        var afterFirst = state;
        for (var s = 0; s < k; s++)
        {
            state = sampler.Step(key.FoldIn(s), state).State;
            if (s == 0) afterFirst = state;
        }

        Close(Difference(Model.FreeEnergyGradient(data), Model.FreeEnergyGradient(state.Visible)), result.Gradient, SummationTolerance);
        Assert.True(result.Chains.IsEmpty);
        var reconstruction = Model.VisibleProbabilities(afterFirst.Hidden, 1.0);
        var error = 0.0;
        for (var i = 0; i < data.Span.Length; i++) error += Math.Pow(data.Span[i] - reconstruction.Span[i], 2);
        Assert.Equal("reconstruction-error", result.Metrics.Single().Name);
        Assert.Equal(error / data.Span.Length, result.Metrics.Single().Value, 12);
    }

    [Fact]
    public void Pcd_continues_each_chain_from_its_hidden_state_and_averages_over_the_chains()
    {
        const int chains = 7;
        var data = Binary(5, Model.Visible, 2);
        var key = RngKey.FromSeed(22);
        var objective = RbmTraining.PersistentContrastiveDivergence(chains);
        var start = Ok(objective.StartChains(RngKey.FromSeed(3), Model)).Single();
        var result = Ok(objective.Step(key, Model, LanguageExt.Prelude.Seq1(start), data));

        var hidden = Mat.Create(chains, Model.Hidden, d => { for (var c = 0; c < chains; c++) start.Row(c)[Model.Visible..].CopyTo(d.Slice(c * Model.Hidden, Model.Hidden)); });
        var visibleProbabilities = Model.VisibleProbabilities(hidden, 1.0);
        var step = key.FoldIn(0);
        var visible = Mat.Create(chains, Model.Visible, d =>
        {
            for (var c = 0; c < chains; c++)
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(step, c), visibleProbabilities.Row(c), d.Slice(c * Model.Visible, Model.Visible));
        });
        var hiddenProbabilities = Model.HiddenProbabilities(visible, 1.0);
        var expectedChains = Mat.Create(chains, Model.Dimension, d =>
        {
            for (var c = 0; c < chains; c++)
            {
                visible.Row(c).CopyTo(d.Slice(c * Model.Dimension, Model.Visible));
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.HiddenKey(step, c), hiddenProbabilities.Row(c), d.Slice(c * Model.Dimension + Model.Visible, Model.Hidden));
            }
        });

        Assert.Equal(expectedChains, result.Chains.Single());
        Close(Difference(Model.FreeEnergyGradient(data), Model.FreeEnergyGradient(visible)), result.Gradient, SummationTolerance);
        Assert.True(result.Metrics.IsEmpty);
    }

    [Fact]
    public void Pcd_chains_start_binary_in_the_joint_layout_and_depend_only_on_the_key()
    {
        var objective = RbmTraining.PersistentContrastiveDivergence(9);
        var start = Ok(objective.StartChains(RngKey.FromSeed(4), Model)).Single();
        Assert.Equal((9, Model.Dimension), (start.Rows, start.Columns));
        Assert.All(start.Span.ToArray(), x => Assert.True(x is 0.0 or 1.0));
        Assert.Equal(start, Ok(objective.StartChains(RngKey.FromSeed(4), Model)).Single());
        Assert.NotEqual(start, Ok(objective.StartChains(RngKey.FromSeed(5), Model)).Single());
    }

    /// <summary>
    /// float32 products round the weights, fields and probabilities (unit roundoff 6e-8); each gradient entry sums at most
    /// 2 x 20 terms below 1/20 and 50 products below 1 in the fields, so the rounding moves it by far less than 1e-5.
    /// The draws compare the same uniforms with probabilities that differ by about 1e-7, so the samples agree (checked:
    /// PCD's chains are equal).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float32_and_float64_products_agree_to_float_rounding_on_one_step(bool persistent)
    {
        var model = Random(50, 30, seed: 5, scale: 0.3, bias: 0.5);
        var data = Binary(20, 50, 6);
        Objective<BernoulliRbm> Make(ProductPrecision p) =>
            persistent ? RbmTraining.PersistentContrastiveDivergence(20, 2, p) : RbmTraining.ContrastiveDivergence(2, p);
        var chains = Ok(Make(ProductPrecision.Double).StartChains(RngKey.FromSeed(7), model));
        var key = RngKey.FromSeed(8);
        var wide = Ok(Make(ProductPrecision.Double).Step(key, model, chains, data));
        var narrow = Ok(Make(ProductPrecision.Single).Step(key, model, chains, data));
        Assert.Equal(wide.Chains, narrow.Chains);
        Close(wide.Gradient, narrow.Gradient, 1e-5);
        Assert.NotEqual(wide.Gradient, narrow.Gradient);
    }

    [Theory]
    [InlineData(ProductPrecision.Double)]
    [InlineData(ProductPrecision.Single)]
    public void The_bits_do_not_depend_on_the_thread_count(ProductPrecision precision)
    {
        var model = Random(300, 200, seed: 9, scale: 0.1);
        var data = Binary(64, 300, 10);
        var key = RngKey.FromSeed(12);
        var one = Ok(RbmTraining.ContrastiveDivergence(2, precision, maxDegreeOfParallelism: 1).Step(key, model, Seq<Mat>.Empty, data));
        var many = Ok(RbmTraining.ContrastiveDivergence(2, precision, maxDegreeOfParallelism: -1).Step(key, model, Seq<Mat>.Empty, data));
        Assert.Equal(one.Gradient, many.Gradient);
        Assert.Equal(one.Metrics, many.Metrics);
    }

    /// <summary>A 784 x 500 model and 100 rows: with OpenBLAS, every product of the step is cut into pieces (GemmPieces.Pieces is 2).</summary>
    [Theory]
    [InlineData(ProductPrecision.Double)]
    [InlineData(ProductPrecision.Single)]
    public void The_bits_do_not_depend_on_the_thread_count_where_the_products_are_cut(ProductPrecision precision)
    {
        var model = Random(784, 500, seed: 3, scale: 0.05);
        var data = Binary(100, 784, 4);
        var key = RngKey.FromSeed(21);
        var one = Ok(RbmTraining.ContrastiveDivergence(1, precision, maxDegreeOfParallelism: 1).Step(key, model, Seq<Mat>.Empty, data));
        var many = Ok(RbmTraining.ContrastiveDivergence(1, precision, maxDegreeOfParallelism: -1).Step(key, model, Seq<Mat>.Empty, data));

        Assert.Equal(2, Ebm.Functional.Numerics.GemmPieces.Pieces(100, 500, 784));
        Assert.Equal(one.Gradient, many.Gradient);
        Assert.Equal(one.Metrics, many.Metrics);
    }

    /// <summary>
    /// PCD-k on a model large enough for the per-row work to run in parallel (190 and more rows of 300 units), with more
    /// examples than chains and fewer: one thread and many give the same bits, and in float64 the gradient is the mean
    /// free-energy gradient of the data minus that of the chains' visible states after the step.
    /// </summary>
    [Theory]
    [InlineData(ProductPrecision.Double, 120, 70, 1)]
    [InlineData(ProductPrecision.Double, 60, 130, 2)]
    [InlineData(ProductPrecision.Single, 120, 70, 2)]
    [InlineData(ProductPrecision.Single, 60, 130, 1)]
    public void Pcd_with_more_or_fewer_chains_than_examples_is_thread_independent_and_the_gradient_of_its_chains(
        ProductPrecision precision, int rows, int chains, int k)
    {
        const int visible = 300;
        var model = Random(visible, 200, seed: 5, scale: 0.1, bias: 0.2);
        var data = Binary(rows, visible, 6);
        var key = RngKey.FromSeed(17);
        var start = Ok(RbmTraining.PersistentContrastiveDivergence(chains, k, precision).StartChains(RngKey.FromSeed(8), model));
        var one = Ok(RbmTraining.PersistentContrastiveDivergence(chains, k, precision, maxDegreeOfParallelism: 1).Step(key, model, start, data));
        var many = Ok(RbmTraining.PersistentContrastiveDivergence(chains, k, precision, maxDegreeOfParallelism: -1).Step(key, model, start, data));

        Assert.Equal(one.Gradient, many.Gradient);
        Assert.Equal(one.Chains, many.Chains);
        if (precision != ProductPrecision.Double) return;
        var final = one.Chains.Single();
        var negatives = Mat.Create(chains, visible, d => { for (var c = 0; c < chains; c++) final.Row(c)[..visible].CopyTo(d.Slice(c * visible, visible)); });
        Close(Difference(model.FreeEnergyGradient(data), model.FreeEnergyGradient(negatives)), one.Gradient, SummationTolerance);
    }

    /// <summary>The check of a minibatch reads eight values at a time: the first value outside {0, 1} is found wherever it lies.</summary>
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(13, double.NaN)]
    [InlineData(31, double.PositiveInfinity)]
    [InlineData(36, -1.0)]
    [InlineData(36, -0.0)]
    [InlineData(9, -0.0)]
    public void The_first_value_outside_zero_and_one_is_found_at_any_position(int position, double value)
    {
        var values = Enumerable.Range(0, 37).Select(i => (double)(i % 3 == 0 ? 1 : 0)).ToArray();
        values[position] = value;

        Assert.Equal(value == 0.0 ? -1 : position, RbmTraining.FirstNonBinary(values));
    }

    public static TheoryData<string, int> BadSettings => new()
    {
        { "cd k=0", TrainingErrors.InvalidSettingCode },
        { "pcd chains=0", TrainingErrors.InvalidSettingCode },
        { "pcd k=-1", TrainingErrors.InvalidSettingCode },
        { "wrong width", TrainingErrors.WrongWidthCode },
        { "half", TrainingErrors.StateOutsideSupportCode },
        { "empty", TrainingErrors.EmptyBatchCode },
        { "two chain matrices", TrainingErrors.ChainsMismatchCode },
        { "chains too narrow", TrainingErrors.ChainsMismatchCode },
        { "chain value 2", TrainingErrors.ChainsMismatchCode },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Bad_settings_data_and_chains_are_errors_not_exceptions(string problem, int code)
    {
        var data = Binary(3, Model.Visible, 13);
        var pcd = RbmTraining.PersistentContrastiveDivergence(2);
        var chains = Ok(pcd.StartChains(RngKey.FromSeed(1), Model));
        var key = RngKey.FromSeed(2);
        Fin<ObjectiveResult> result = problem switch
        {
            "cd k=0" => RbmTraining.ContrastiveDivergence(0).Step(key, Model, Seq<Mat>.Empty, data),
            "pcd chains=0" => RbmTraining.PersistentContrastiveDivergence(0).StartChains(key, Model).Map(_ => (ObjectiveResult)null!),
            "pcd k=-1" => RbmTraining.PersistentContrastiveDivergence(2, -1).Step(key, Model, chains, data),
            "wrong width" => RbmTraining.ContrastiveDivergence().Step(key, Model, Seq<Mat>.Empty, Binary(3, Model.Visible + 1, 1)),
            "half" => RbmTraining.ContrastiveDivergence().Step(key, Model, Seq<Mat>.Empty, Mat.Create(3, Model.Visible, d => d.Fill(0.5))),
            "empty" => RbmTraining.ContrastiveDivergence().Step(key, Model, Seq<Mat>.Empty, Mat.Zeros(0, Model.Visible)),
            "two chain matrices" => pcd.Step(key, Model, chains.Add(chains.Head), data),
            "chains too narrow" => pcd.Step(key, Model, LanguageExt.Prelude.Seq1(Mat.Zeros(2, Model.Visible)), data),
            _ => pcd.Step(key, Model, LanguageExt.Prelude.Seq1(Mat.Create(2, Model.Dimension, d => d.Fill(2.0))), data),
        };
        Assert.Equal(code, result.Match(Succ: _ => 0, Fail: e => e.Code));
    }

    [Fact]
    public void A_value_outside_zero_one_is_named_by_example_and_column()
    {
        var data = Mat.Create(2, Model.Visible, d => d[Model.Visible + 3] = 0.5);
        var error = RbmTraining.ContrastiveDivergence().Step(RngKey.FromSeed(1), Model, Seq<Mat>.Empty, data).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("example 2, value 4 is 0.5", error);
    }
}
