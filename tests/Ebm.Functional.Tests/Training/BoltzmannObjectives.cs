using Ebm.Functional.Models;
using Ebm.Functional.Training;

namespace Ebm.Functional.Tests.Training;

/// <summary>Every Boltzmann-machine objective by its <c>--objective</c> name, with small settings for tests.</summary>
internal static class BoltzmannObjectives
{
    public static Objective<BoltzmannMachine> ByName(string name) => name switch
    {
        "exact" => BoltzmannTraining.ExactLikelihood(),
        "cd" => BoltzmannTraining.ContrastiveDivergence(k: 1),
        "pcd" => BoltzmannTraining.PersistentContrastiveDivergence(chains: 20, k: 1),
        "tempered" => BoltzmannTraining.Tempered(chains: 10, replicas: 4),
        "pl" => BoltzmannTraining.Pseudolikelihood(),
        "ratio" => BoltzmannTraining.RatioMatching(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such objective"),
    };
}
