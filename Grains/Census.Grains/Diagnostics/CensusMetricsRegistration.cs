using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Census.Grains.Diagnostics;

/// <summary>Registers <see cref="CensusMetrics"/> for the grains that record into it.</summary>
public static class CensusMetricsRegistration
{
    /// <summary>The census meter, through the host's meter factory; harmless to call twice.</summary>
    public static IServiceCollection AddCensusMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<CensusMetrics>();
        return services;
    }
}
