namespace Ebm.Functional.Thermo;

/// <summary>Does something with a <see cref="TemperingRecipe{TState,TInfo}"/> whose state type only the recipe knows.</summary>
/// <typeparam name="T">The result.</typeparam>
internal interface ITemperingRecipeUser<out T>
{
    /// <summary>Uses <paramref name="recipe"/>.</summary>
    T Use<TState, TInfo>(TemperingRecipe<TState, TInfo> recipe);
}
