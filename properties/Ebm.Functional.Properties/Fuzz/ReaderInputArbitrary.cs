using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>Generators of hostile inputs for each file reader: a fifth random bytes, the rest mutated valid files.</summary>
public static class ReaderInputArbitrary
{
    /// <summary>Model files.</summary>
    public static Gen<FuzzInput> Model() => Gen.Frequency((1, ByteMutations.RandomBytes()), (4, ByteMutations.Mutations(ValidFiles.Models)));

    /// <summary>Schedule files.</summary>
    public static Gen<FuzzInput> Schedule() => Gen.Frequency((1, ByteMutations.RandomBytes()), (4, ByteMutations.Mutations(ValidFiles.Schedules)));

    /// <summary>Data files, read mostly with the width of the file they came from, sometimes with another one.</summary>
    public static Gen<DataInput> Data() =>
        from seed in Gen.Choose(0, ValidFiles.Data.Count - 1)
        from random in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from file in random ? ByteMutations.RandomBytes() : ByteMutations.Mutations([ValidFiles.Data[seed].File])
        from otherWidth in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 8)))
        select new DataInput(file, otherWidth > 0 ? otherWidth : ValidFiles.Data[seed].Columns);
}
