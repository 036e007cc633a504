using System.ComponentModel.DataAnnotations;
using Census.Grains.Rounds;
using Census.Grains.Surveys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Census.Hosting;

/// <summary>
/// The <c>Census</c> section, read and validated once per process. Every part of the process — silo,
/// client, gateway, grains — gets this one instance through <see cref="IOptions{TOptions}"/>, so no
/// component can read a different mode or a setting that was never validated.
/// </summary>
public static class CensusSettings
{
    /// <summary>Reads and validates the section and registers it; returns the same instance.</summary>
    public static CensusOptions AddCensusSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(IOptions<CensusOptions>))?.ImplementationInstance;
        if (existing is IOptions<CensusOptions> registered)
        {
            return registered.Value;
        }

        var options = Read(configuration);
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(Options.Create(options.Rounds));
        services.TryAddSingleton(Options.Create(options.IndexSweeper));
        return options;
    }

    /// <summary>
    /// Binds the section and checks every member, nested sections included; a bad value stops the
    /// process with a message naming the setting.
    /// </summary>
    public static CensusOptions Read(IConfiguration configuration)
    {
        CensusOptions options;
        try
        {
            options = configuration.GetSection(CensusOptions.Section).Get<CensusOptions>() ?? new CensusOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(CensusOptions.Section, typeof(CensusOptions), [e.InnerException?.Message ?? e.Message]);
        }

        var failures = new List<string>();
        Check(options, CensusOptions.Section, failures);
        Check(options.Silo, $"{CensusOptions.Section}:Silo", failures);
        Check(options.Kubernetes, $"{CensusOptions.Section}:Kubernetes", failures);
        Check(options.Rounds, $"{CensusOptions.Section}:Rounds", failures);
        Check(options.Dashboard, $"{CensusOptions.Section}:Dashboard", failures);
        Check(options.IndexSweeper, $"{CensusOptions.Section}:IndexSweeper", failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(CensusOptions.Section, typeof(CensusOptions), failures);
        }

        return options;
    }

    /// <summary>
    /// The gateway's own check at start (silos never touch the release store): in cluster mode <c>Census:Releases:StorePath</c>
    /// is required, since a directory of one machine would let an upload begun through one gateway vanish behind another.
    /// </summary>
    public static string RequireReleaseStore(CensusOptions options)
    {
        if (options.Mode == CensusMode.Cluster && string.IsNullOrWhiteSpace(options.Releases.StorePath))
        {
            throw new OptionsValidationException(CensusOptions.Section, typeof(CensusOptions),
                [$"{CensusOptions.Section}:Releases:StorePath: is required in cluster mode: a volume every gateway mounts."]);
        }

        return options.ReleaseStorePath;
    }

    private static void Check(object section, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
