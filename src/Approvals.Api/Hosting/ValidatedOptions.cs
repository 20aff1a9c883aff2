using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Approvals.Api;

/// <summary>Settings bound with the options pattern and checked when the host starts, so that a wrong one stops the start.</summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, checks it with <typeparamref name="TValidation"/>
    /// on start (<c>ValidateOnStart</c>), and registers the bound value for the services that take the record itself
    /// (unless the host registered its own, adjusted, value first).
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidation>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidation : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidation>());
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<TOptions>>().Value);
        return services;
    }

    /// <summary>The result of a validation from its failures, each naming its setting and the rule.</summary>
    public static ValidateOptionsResult From(IEnumerable<string> failures) =>
        failures.ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
