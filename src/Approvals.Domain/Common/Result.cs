namespace Approvals.Domain;

/// <summary>Either a value or the refusals that explain why there is none (several when several fields are wrong).</summary>
public sealed record Result<T>
{
    private Result(T? value, IReadOnlyList<Refusal> refusals)
    {
        Value = value;
        Refusals = refusals;
    }

    public T? Value { get; }

    public IReadOnlyList<Refusal> Refusals { get; }

    public bool IsOk => Refusals.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Refused(Refusal refusal) => new(default, [refusal]);

    public static Result<T> Refused(IReadOnlyList<Refusal> refusals) =>
        refusals.Count == 0 ? throw new ArgumentException("A refusal needs at least one reason.", nameof(refusals)) : new(default, refusals);

    public static implicit operator Result<T>(Refusal refusal) => Refused(refusal);

    /// <summary>The value; throws when refused, so call it only after checking <see cref="IsOk"/>.</summary>
    public T Unwrap() => IsOk ? Value! : throw new InvalidOperationException($"Refused: {Refusals[0].Message}");
}
