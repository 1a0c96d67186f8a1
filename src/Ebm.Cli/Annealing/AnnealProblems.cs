using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Problems;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Annealing;

/// <summary>Loads or generates the one problem an <c>ebm anneal</c> run names.</summary>
internal static class AnnealProblems
{
    /// <summary>The EA bond names of --bonds.</summary>
    public static readonly string[] BondNames = ["plus-minus", "gaussian"];

    /// <summary>The problem of <paramref name="request"/>, or why there is none.</summary>
    public static Fin<AnnealProblem> Load(AnnealRequest request)
    {
        var given = new[] { request.Model is not null, request.MaxCut is not null, request.Qubo is not null, request.SkSpins != 0, request.EaSide != 0 }.Count(g => g);
        if (given != 1) return FinFail<AnnealProblem>(AnnealErrors.ProblemSources(given));
        if (request.Model is { } path)
            return ModelFile.Load(path).Bind(model => model is IDiscreteModel or ICategoricalModel
                ? FinSucc(new AnnealProblem(model.Kind, path, model, None, None))
                : FinFail<AnnealProblem>(AnnealErrors.NotBinary(model.Kind)));
        if (request.MaxCut is { } graph)
            return MaxCutFile.Load(graph).Map(p => new AnnealProblem("max-cut", graph, p.Model, Some(p), None));
        if (request.Qubo is { } matrix)
            return QuboFile.Load(matrix).Map(p => new AnnealProblem("qubo", matrix, p.Model, None, Some(p)));
        var key = RngKey.FromSeed(request.InstanceSeed);
        if (request.SkSpins != 0)
            return Generated("--sk", SpinGlasses.SherringtonKirkpatrick(key, request.SkSpins))
                .Map(m => new AnnealProblem(SpinGlasses.SherringtonKirkpatrickName, $"--sk {request.SkSpins} --instance-seed {request.InstanceSeed}", m, None, None));
        var bonds = request.Bonds == "gaussian" ? SpinGlassBonds.Gaussian : SpinGlassBonds.PlusMinusOne;
        return Generated("--ea", SpinGlasses.EdwardsAnderson(key, request.EaSide, bonds))
            .Map(m => new AnnealProblem("edwards-anderson", $"--ea {request.EaSide} --bonds {request.Bonds} --instance-seed {request.InstanceSeed}", m, None, None));
    }

    private static Fin<BoltzmannMachine> Generated(string option, Validation<Error, BoltzmannMachine> instance) =>
        instance.Match(FinSucc, errors => FinFail<BoltzmannMachine>(Error.Many(errors.Map(e => AnnealErrors.OptionOutOfRange(option, e.Message)))));
}
