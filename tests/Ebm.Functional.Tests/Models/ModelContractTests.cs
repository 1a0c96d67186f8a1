using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Models;

/// <summary>
/// The model contract: every built-in family agrees with its own energy, and each kind of inconsistency a user's model can
/// have is reported, all at once, naming the member, the state and both values.
/// </summary>
public sealed class ModelContractTests
{
    private static readonly RngKey Key = RngKey.FromSeed(2024);

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_model_family_agrees_with_its_energy(string name)
    {
        var errors = Errors(ModelContract.Check(Key, ContractModels.All[name], new ContractSettings(States: 24)));
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    public static TheoryData<string> Families() => ContractModels.Names();

    [Fact]
    public void A_field_without_its_bias_is_reported_with_the_flip_derived_from_it()
    {
        // The field forgets the 0.3 of the energy; the flip change is derived from the field, so it is wrong too.
        var model = ContractModels.Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, ContractModels.Triplet,
            localField: (s, i) => ContractModels.TripletField(s, i) - 0.3));
        var errors = Errors(ModelContract.Check(Key, model));
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(ModelErrors.InconsistentCode, e.Code));
        var field = Assert.Single(errors, e => e.Message.StartsWith("LocalField:", StringComparison.Ordinal));
        // 16 states x 8 sites, every one off by 0.3.
        Assert.Contains("at 128 of 128 (state, site) pairs", field.Message, StringComparison.Ordinal);
        Assert.Contains("site", field.Message, StringComparison.Ordinal);
        Assert.Single(errors, e => e.Message.StartsWith("FlipEnergyChange:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_of_the_wrong_sign_convention_is_reported()
    {
        // f_i defined as E(high) - E(low) instead of E(low) - E(high): the message shows both values.
        var model = ContractModels.Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, ContractModels.Triplet,
            localField: (s, i) => -ContractModels.TripletField(s, i), flipEnergyChange: Flip));
        var error = Assert.Single(Errors(ModelContract.Check(Key, model)));
        Assert.StartsWith("LocalField: disagrees with the energy at", error.Message, StringComparison.Ordinal);
        Assert.Contains("(E(x_i = low) - E(x_i = high)) / (high - low) =", error.Message, StringComparison.Ordinal);

        static double Flip(ReadOnlySpan<double> s, int i) => 2.0 * s[i] * ContractModels.TripletField(s, i);
    }

    [Fact]
    public void A_batch_that_differs_from_the_energy_is_reported()
    {
        var model = ContractModels.Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, ContractModels.Triplet,
            energies: states => Vec.Filled(states.Rows, 0.0)));
        var error = Assert.Single(Errors(ModelContract.Check(Key, model)));
        Assert.StartsWith("Energies: disagrees with the energy at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_of_the_wrong_length_is_reported()
    {
        var model = ContractModels.Valid(ContinuousEnergyModel.Create(2, ContractModels.Banana, energies: points => Vec.Zeros(points.Rows - 1)));
        var error = Assert.Single(Errors(ModelContract.Check(Key, model)));
        Assert.Equal("Energies: returned 15 energies for a batch of 16 rows", error.Message);
    }

    [Fact]
    public void A_gradient_missing_a_factor_is_reported_with_its_coordinate()
    {
        var model = ContractModels.Valid(ContinuousEnergyModel.Create(2, ContractModels.Banana, (p, g) =>
        {
            ContractModels.BananaGradient(p, g);
            g[1] *= 0.5;
        }));
        var error = Assert.Single(Errors(ModelContract.Check(Key, model)));
        Assert.StartsWith("EnergyGradient: disagrees with the energy at", error.Message, StringComparison.Ordinal);
        Assert.Contains("coordinate 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gradient_that_leaves_a_coordinate_unwritten_is_reported()
    {
        var model = ContractModels.Valid(ContinuousEnergyModel.Create(2, ContractModels.Banana, (p, g) => g[0] = p[0]));
        var error = Assert.Single(Errors(ModelContract.Check(Key, model)));
        Assert.Contains("EnergyGradient = NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_that_throws_and_a_nan_energy_are_each_reported()
    {
        var model = ContractModels.Valid(DiscreteEnergyModel.Create(4, StateConvention.Binary,
            x => x[0] == 1.0 && x[1] == 1.0 ? double.NaN : x[2],
            flipEnergyChange: (_, _) => throw new InvalidOperationException("not written yet")));
        var errors = Errors(ModelContract.Check(Key, model));
        Assert.Contains(errors, e => e.Message.StartsWith("Energy: fails at", StringComparison.Ordinal) && e.Message.Contains("Energy is NaN", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("FlipEnergyChange:", StringComparison.Ordinal)
                                     && e.Message.Contains("threw InvalidOperationException: not written yet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_disagreement_of_one_part_in_ten_million_is_caught_and_rounding_is_not()
    {
        static Validation<Error, DiscreteEnergyModel> Shifted(double shift) => DiscreteEnergyModel.Create(8, StateConvention.Spin,
            ContractModels.Triplet, localField: (s, i) => ContractModels.TripletField(s, i) * (1.0 + shift));
        Assert.True(Errors(ModelContract.Check(Key, ContractModels.Valid(Shifted(1e-15)))).IsEmpty);
        Assert.False(Errors(ModelContract.Check(Key, ContractModels.Valid(Shifted(1e-7)))).IsEmpty);
    }

    [Fact]
    public void The_random_states_are_a_pure_function_of_the_key_and_hold_unit_values()
    {
        var spins = ContractModels.All["boltzmann spin"];
        var first = ModelContract.RandomStates(Key, spins, ContractSettings.Default);
        Assert.Equal(first, ModelContract.RandomStates(Key, spins, ContractSettings.Default));
        Assert.NotEqual(first, ModelContract.RandomStates(Key.FoldIn(1), spins, ContractSettings.Default));
        Assert.All(first.ToRows().SelectMany(row => row), v => Assert.True(v is -1.0 or 1.0));
        Assert.Contains(first.ToRows().SelectMany(row => row), v => v == -1.0);
    }

    [Fact]
    public void Given_states_that_do_not_fit_the_model_are_refused_by_field()
    {
        var spins = ContractModels.All["boltzmann spin"];
        var wide = Errors(ModelContract.CheckAt(spins, Mat.Zeros(2, 3)));
        Assert.Equal("states: has 3 columns, expected the dimension 9 of boltzmann-machine", Assert.Single(wide).Message);
        var binary = Errors(ModelContract.CheckAt(spins, Mat.Zeros(2, 9)));
        Assert.StartsWith("states: entry [0][0] = 0, expected -1 or 1", Assert.Single(binary).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_of_neither_kind_is_refused()
    {
        var rbm = RbmTestModels.GaussianBernoulli(2, 2, 1.0, 1.0, 3);
        var error = Assert.Single(Errors(ModelContract.Check(Key, rbm)));
        Assert.Contains("neither an IDiscreteModel nor an IContinuousModel", error.Message, StringComparison.Ordinal);
    }

    private static Seq<Error> Errors<T>(Validation<Error, T> result) => result.Match(_ => Seq<Error>.Empty, errors => errors);
}
