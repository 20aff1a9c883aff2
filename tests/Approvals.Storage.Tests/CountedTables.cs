using Approvals.Bench;
using Azure.Core;
using Azure.Data.Tables;

namespace Approvals.Storage.Tests;

/// <summary>Table clients of their own over the test's Azurite, with every request they send counted (the bench's counter).</summary>
internal static class CountedTables
{
    /// <summary>A client that shares nothing with the services' own: what another process would see, counted.</summary>
    public static (TableServiceClient Tables, RoundTripCounter Counter) Over(string connectionString)
    {
        var counter = new RoundTripCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return (new TableServiceClient(connectionString, options), counter);
    }
}
