using Microsoft.Extensions.DependencyInjection;

namespace Census.Grains.Surveys;

public static class SurveyIndexSweeperRegistration
{
    /// <summary>
    /// Runs the <see cref="SurveyIndexSweeper"/> on this silo. Its settings come from the host's validated
    /// <c>Census</c> section when the host registered one; otherwise (tests) from <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddSurveyIndexSweeper(this IServiceCollection services, Action<SurveyIndexSweeperOptions>? configure = null)
    {
        if (configure is not null)
        {
            services.AddOptions<SurveyIndexSweeperOptions>().Configure(configure);
        }

        services.AddSingleton<SurveyIndexSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyIndexSweeper>());
        return services;
    }
}
