using Approvals.Api;
using Approvals.Application;
using Approvals.Clock;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;

namespace Approvals.Server;

public static class ClockServiceCollectionExtensions
{
    /// <summary>The clock engine, its client and the clock signal; with <c>Clock:Enabled=false</c>, only the activities (the signal does nothing).</summary>
    public static IServiceCollection AddClockEngine(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here too: whether the engine runs decides what is registered; the bound value is checked on start.
        var options = configuration.GetSection(ClockEngineOptions.Section).Get<ClockEngineOptions>() ?? new ClockEngineOptions();
        services.AddValidatedOptions<ClockEngineOptions, ClockEngineOptionsValidation>(configuration, ClockEngineOptions.Section);
        services.AddSingleton<ClockActivities>();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton(provider => new AzureStorageOrchestrationService(
            Settings(provider.GetRequiredService<ClockEngineOptions>(), configuration.GetValue("Storage:ConnectionString", "UseDevelopmentStorage=true")!, provider.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton(provider => new TaskHubClient(
            provider.GetRequiredService<AzureStorageOrchestrationService>(), new SystemTextJsonDataConverter(), provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<DurableTaskClient, TaskHubDurableClient>();
        services.AddSingleton<IClockSignal, DurableClockSignal>();
        services.AddSingleton<ClockReconciliation>();
        services.AddHostedService<ClockEngine>();
        services.AddHostedService<ClockReconciler>();
        return services;
    }

    /// <summary>The engine's Azure Storage settings: the task hub in the data's storage account, a stable worker id, a short polling interval.</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(ClockEngineOptions options, string connectionString, ILoggerFactory loggers) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        TaskHubName = options.TaskHub,
        WorkerId = options.WorkerId,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        PartitionCount = options.PartitionCount,
        LoggerFactory = loggers,
    };
}
