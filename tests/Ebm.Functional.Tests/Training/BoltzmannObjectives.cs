using Ebm.Functional.Models;
using Ebm.Functional.Training;

namespace Ebm.Functional.Tests.Training;

/// <summary>Every Boltzmann-machine objective by its <c>--objective</c> name, with small settings for tests.</summary>
internal static class BoltzmannObjectives
{
    public static Objective<BoltzmannMachine> ByName(string name) => name switch
    {
        "exact" => BoltzmannTraining.ExactLikelihood(),
        "pl" => BoltzmannTraining.Pseudolikelihood(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such objective"),
    };
}
