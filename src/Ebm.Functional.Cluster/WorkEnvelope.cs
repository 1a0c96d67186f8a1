namespace Ebm.Functional.Cluster;

/// <summary>One block of work on its way to a worker.</summary>
/// <param name="Protocol">The sender's <see cref="ClusterProtocol.Version"/>.</param>
/// <param name="LibraryVersion">The sender's <see cref="ClusterProtocol.LibraryVersion"/>.</param>
/// <param name="Kind">The work's name in the worker's catalogue.</param>
/// <param name="Payload">The encoded input.</param>
[GenerateSerializer]
[Alias("ebm.work-envelope.v1")]
public sealed record WorkEnvelope(
    [property: Id(0)] int Protocol,
    [property: Id(1)] string LibraryVersion,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Payload);
