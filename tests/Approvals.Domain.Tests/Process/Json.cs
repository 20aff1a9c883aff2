using System.Text.Json;

namespace Approvals.Domain.Tests;

/// <summary>States hold lists, which records compare by reference: tests compare their JSON instead.</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(Dossier state) => JsonSerializer.Serialize(state, Options);
}
