namespace Ebm.Functional.Optim;

/// <summary>A value (a learning rate, a scale) as a function of the step count, from 0; see <see cref="Schedules"/>.</summary>
/// <param name="step">Updates applied so far, &gt;= 0.</param>
public delegate double Schedule(long step);
