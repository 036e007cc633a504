using Microsoft.Extensions.DependencyInjection;

namespace Census.Grains.Surveys;

public static class SurveyIndexSweeperRegistration
{
    /// <summary>Runs the <see cref="SurveyIndexSweeper"/> on this silo, with its settings bound and validated at start.</summary>
    public static IServiceCollection AddSurveyIndexSweeper(this IServiceCollection services, Action<SurveyIndexSweeperOptions>? configure = null)
    {
        var options = services.AddOptions<SurveyIndexSweeperOptions>()
            .BindConfiguration(SurveyIndexSweeperOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<SurveyIndexSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<SurveyIndexSweeper>());
        return services;
    }
}
