using Ebm.Functional.Annealing;
using Ebm.Functional.Models;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>A tiny annealing problem: model(s), beta, kernel and schedule.</summary>
public sealed record AnnealingCase(BoltzmannMachine Model, BoltzmannMachine Other, double Beta, SiteKernel Kernel, AnnealingSchedule Schedule)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"A: {Model.States} n={Model.Dimension} W=[{string.Join(", ", Model.Couplings.Span.ToArray())}] b={Model.Biases}; " +
        $"B: W=[{string.Join(", ", Other.Couplings.Span.ToArray())}] b={Other.Biases}; beta={Beta} kernel={Kernel} t=[{string.Join(", ", Schedule.Points.Span.ToArray())}]";
}
