namespace Ebm.Functional.Cluster;

/// <summary>A worker's answer to one block.</summary>
/// <param name="Status">Whether it ran, failed or was refused.</param>
/// <param name="Payload">The encoded result when done; empty otherwise.</param>
/// <param name="Code">The error's code when failed or refused; 0 otherwise.</param>
/// <param name="Message">The error's message when failed or refused; empty otherwise.</param>
/// <param name="Worker">The worker that answered (its silo address).</param>
[GenerateSerializer]
[Alias("ebm.work-reply.v1")]
public sealed record WorkReply(
    [property: Id(0)] WorkStatus Status,
    [property: Id(1)] string Payload,
    [property: Id(2)] int Code,
    [property: Id(3)] string Message,
    [property: Id(4)] string Worker);
