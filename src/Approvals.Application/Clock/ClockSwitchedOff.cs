namespace Approvals.Application;

/// <summary>
/// The clock signal when no clock runs in this process: the server with <c>Clock:Enabled=false</c> (tests that drive
/// deadlines themselves), tools that only read. Each host that runs a clock registers its own signal instead.
/// </summary>
public sealed class ClockSwitchedOff : IClockSignal
{
    public Task DossierChangedAsync(string dossierId, CancellationToken cancellationToken) => Task.CompletedTask;
}
