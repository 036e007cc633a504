using System.Text.Json.Serialization;
using Census.ApiGateway.Apis;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Console;
using Census.ApiGateway.Http;
using Census.ApiGateway.OpenApi;
using Census.ApiGateway.Releases;
using Census.Hosting;
using Census.Domain.Serialization;
using Census.Hosting.Health;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

namespace Census.ApiGateway.Hosting;

/// <summary>Everything the gateway registers and maps, so Program.cs stays a page.</summary>
public static class GatewayHosting
{
    public static WebApplicationBuilder AddCensusGateway(this WebApplicationBuilder builder)
    {
        ReadSettingsBesideBinary(builder);
        var configuration = builder.Configuration;
        var census = builder.Services.AddCensusSettings(configuration);
        builder.Services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));

        // Local mode hosts the silo in this process; cluster mode joins the cluster as a client.
        if (census.Mode == CensusMode.Local)
        {
            builder.UseOrleans(silo => silo.AddCensusSilo(configuration));
        }
        else
        {
            // The client keeps retrying until the cluster answers (ClusterConnectRetry); meanwhile the web server
            // already listens, answers 503 and reports itself unready: the client connects in the background.
            ClusterConnection.Register(builder.Services, () => builder.UseOrleansClient(client => client.AddCensusClient(configuration)));
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            CensusJson.Configure(o.SerializerOptions);
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // The web defaults read "12" as 12; the contract's numbers are JSON numbers, nothing else.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        // Registered before AddProblemDetails adds the framework's writer, so it is the one chosen.
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = RequestIds.Of(c.HttpContext));
        builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
        builder.Services.AddCensusRateLimits(configuration);
        builder.Services.AddCensusRequestTimeouts(configuration);

        // Checked here, before anything starts: a placeholder or hand-made admin key stops the gateway.
        var configuredAdminKeys = AdminKeySettings.Configured(configuration);
        builder.Services.AddSingleton(sp => new AdminKeyRing(AdminKeySettings.Resolve(
            configuredAdminKeys, census, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Census.Auth"))));
        // The API authenticates Bearer keys; the console (everything outside /api) its session cookie.
        var authentication = builder.Services.AddAuthentication(ConsoleHosting.SchemeBySurface)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddCensusConsole(authentication);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CensusRoles.AdminPolicy, p => p.RequireRole(CensusRoles.Admin))
            .AddPolicy(CensusRoles.MemberPolicy, p => p.RequireRole(CensusRoles.Admin, CensusRoles.Agency))
            .AddPolicy(CensusRoles.ProvisionPolicy, p => p.RequireRole(CensusRoles.Admin, CensusRoles.Agency, CensusRoles.Reviewer))
            .AddPolicy(CensusRoles.ReviewerPolicy, p => p.RequireRole(CensusRoles.Reviewer))
            .AddPolicy(CensusRoles.RequesterPolicy, p => p.RequireRole(CensusRoles.Requester))
            .AddPolicy(CensusRoles.UploadPolicy, p => p.RequireRole(CensusRoles.Admin, CensusRoles.Agency, CensusRoles.Requester, CensusRoles.ZoneOperator))
            .AddPolicy(CensusRoles.AccessPolicy, p => p.RequireRole(CensusRoles.Admin, CensusRoles.Agency, CensusRoles.Reviewer, CensusRoles.Requester))
            .AddPolicy(ExportsApi.ExportsPolicy, p => p.RequireRole(CensusRoles.Admin, CensusRoles.Requester, CensusRoles.OutputChecker))
            .AddPolicy(ExportsApi.CheckerPolicy, p => p.RequireRole(CensusRoles.OutputChecker))
            .AddPolicy(CensusRoles.SafeZoneRequesterPolicy, p => p.RequireRole(CensusRoles.Requester))
            .AddPolicy(CensusRoles.SafeZoneStaffPolicy, p => p.RequireRole(CensusRoles.Admin, CensusRoles.ZoneOperator))
            .AddPolicy(CensusRoles.SafeZonePolicy, p => p.RequireRole(CensusRoles.Admin, CensusRoles.ZoneOperator, CensusRoles.Requester));

        builder.Services.AddSelectionCatalog();
        builder.Services.AddCatalogue();
        builder.Services.AddReleaseStore(census);
        builder.Services.AddCensusOpenApi();
        builder.AddCensusTelemetry("census-gateway");

        builder.Services.AddCensusGatewayChecks(census, configuration);
        return builder;
    }

    public static WebApplication UseCensusGateway(this WebApplication app)
    {
        app.UseRequestIdHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseClusterGate();
        app.UseCensusRateLimits();
        app.UseCensusConsole();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRequestTimeouts();
        app.UseCensusIdempotency();
        app.UseOutputCache();

        app.MapInstitutionsApi();
        app.MapRoundsApi();
        app.MapPrincipalsApi();
        app.MapPolicyApi();
        app.MapCasesApi();
        app.MapSurveysApi();
        app.MapRankingsApi();
        app.MapReportsApi();
        app.MapSelectionCatalogApi();
        app.MapTemplatesApi();
        app.MapImportsApi();
        app.MapUploadsApi().MapReleasesApi();
        app.MapOrganisationsApi().MapAgreementsApi().MapAccessRequestsApi().MapGrantsApi();
        app.MapExportsApi();
        app.MapCatalogueApi();
        app.MapLedgerApi();
        app.MapSafeZonesApi();

        app.MapCensusConsole();
        app.MapCensusOperations();
        // Only the document that exists: another name is then routing's 404 problem, not the
        // OpenAPI endpoint's own text/plain 404.
        app.MapOpenApi("/openapi/{documentName:regex(^v1$)}.json");
        app.MapScalarApiReference("/docs");
        return app;
    }

    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// appsettings.json ships beside the binary. When the gateway starts from another directory, read
    /// it from there too, at the lowest precedence, and listen on the documented default address
    /// unless --urls (or ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, or a Kestrel endpoint) says otherwise.
    /// </summary>
    private static void ReadSettingsBesideBinary(WebApplicationBuilder builder)
    {
        var besideBinary = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var contentRootFile = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        if (File.Exists(besideBinary) && Path.GetFullPath(besideBinary) != Path.GetFullPath(contentRootFile))
        {
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }

        ListenAddress.UseDefaultUnlessConfigured(builder, DefaultUrl);
    }
}
