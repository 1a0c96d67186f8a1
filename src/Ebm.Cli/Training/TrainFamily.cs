using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;

namespace Ebm.Cli.Training;

/// <summary>What <c>ebm train</c> needs of one model family: its parameters, objectives, starting model, data and evaluation.</summary>
/// <typeparam name="TModel">The model family.</typeparam>
/// <param name="Name">The family as <c>--model</c> names it.</param>
/// <param name="Parameters">The flat parameter layout.</param>
/// <param name="Objectives">The objectives the family offers, by <c>--objective</c> name, built from the settings and the training data (rows are examples).</param>
/// <param name="DataStates">The unit values the data must hold ({0,1} or {-1,+1}), or none for real-valued data.</param>
/// <param name="Width">The number of visible units of a model (the data's width).</param>
/// <param name="Initial">The seeded starting model for the data (rows are examples).</param>
/// <param name="Evaluator">The metrics of each evaluation.</param>
/// <param name="Filters">The nv x nh weights (column j: the filter of hidden unit j), for models that have them.</param>
/// <param name="Samples">Visible samples of the model (count rows), for the sample grid of image data and the scatter of 2-D data.</param>
internal sealed record TrainFamily<TModel>(
    string Name,
    ModelParameters<TModel> Parameters,
    IReadOnlyDictionary<string, Func<TrainSettings, Mat, Fin<Objective<TModel>>>> Objectives,
    Option<StateConvention> DataStates,
    Func<TModel, int> Width,
    Func<RngKey, TrainSettings, Mat, Fin<TModel>> Initial,
    Evaluator<TModel> Evaluator,
    Func<TModel, Option<Mat>> Filters,
    Func<RngKey, TModel, int, Fin<Mat>> Samples)
    where TModel : IEnergyModel;
