using LanguageExt.Common;

namespace Ebm.Cli.Annealing;

/// <summary>Errors of <c>ebm anneal</c>'s options (codes 4301-4399); all are expected errors of bad input (exit code 2).</summary>
internal static class AnnealErrors
{
    /// <summary>Code of <see cref="ProblemSources"/>.</summary>
    public const int ProblemSourcesCode = 4301;

    /// <summary>Code of <see cref="KernelDoesNotApply"/>.</summary>
    public const int KernelDoesNotApplyCode = 4302;

    /// <summary>Code of <see cref="TemperaturesNeeded"/>.</summary>
    public const int TemperaturesNeededCode = 4303;

    /// <summary>Code of <see cref="NotBinary"/>.</summary>
    public const int NotBinaryCode = 4304;

    /// <summary>Code of <see cref="OptionOutOfRange"/>.</summary>
    public const int OptionOutOfRangeCode = 4305;

    /// <summary>None or several of MODEL.json, --maxcut, --qubo, --sk and --ea.</summary>
    public static Error ProblemSources(int given) => Error.New(ProblemSourcesCode,
        given == 0
            ? "anneal: name one problem: MODEL.json, --maxcut FILE, --qubo FILE, --sk N or --ea L"
            : $"anneal: {given} problems given; name exactly one of MODEL.json, --maxcut FILE, --qubo FILE, --sk N and --ea L");

    /// <summary>A --kernel that does not sample the problem's model.</summary>
    public static Error KernelDoesNotApply(string kernel, string kind, string why) =>
        Error.New(KernelDoesNotApplyCode, $"--kernel {kernel} does not apply to a {kind} model: {why}");

    /// <summary>A model without a default temperature scale, run without --t0.</summary>
    public static Error TemperaturesNeeded(string kind) => Error.New(TemperaturesNeededCode,
        $"--t0 is needed for a {kind} model (--t1 defaults to T0 / 100): the default temperatures come from the couplings of an ising, boltzmann-machine, potts, clock, max-cut or qubo problem");

    /// <summary>A model whose units are neither binary nor categorical (annealing changes one unit at a time among finitely many values).</summary>
    public static Error NotBinary(string kind) => Error.New(NotBinaryCode,
        $"anneal: a {kind} model has no binary units to flip; annealing runs on ising, boltzmann-machine and bernoulli-rbm models, potts and clock lattices, Max-Cut and QUBO problems");

    /// <summary>A count or temperature outside its range.</summary>
    public static Error OptionOutOfRange(string option, string why) => Error.New(OptionOutOfRangeCode, $"{option}: {why}");
}
