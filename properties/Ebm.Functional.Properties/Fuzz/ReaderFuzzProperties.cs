using Ebm.Fuzz;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>
/// The file readers are total on bytes: any input gives a value or expected errors of the reader's catalogue,
/// each message one line; no exception escapes. A model read from any bytes is valid: saved and read again it
/// is the same model. The checks are those of the fuzz targets (<see cref="FuzzTargets"/>), so a failure here
/// replays there and the other way round.
/// </summary>
public sealed class ReaderFuzzProperties
{
    [Property(MaxTest = 3000)]
    public Property Model_files_give_a_model_that_reads_back_equal_or_expected_errors() =>
        Prop.ForAll(Arb.From(ReaderInputArbitrary.Model()), input => FuzzTargets.Model(input.Bytes));

    [Property(MaxTest = 1500)]
    public Property Data_files_give_a_binary_matrix_of_the_asked_width_or_expected_errors() =>
        Prop.ForAll(Arb.From(ReaderInputArbitrary.Data()), input => FuzzTargets.Data(input.File.Bytes, input.Columns));

    [Property(MaxTest = 1500)]
    public Property Schedule_files_give_increasing_points_from_0_to_1_or_expected_errors() =>
        Prop.ForAll(Arb.From(ReaderInputArbitrary.Schedule()), input => FuzzTargets.Schedule(input.Bytes));
}
