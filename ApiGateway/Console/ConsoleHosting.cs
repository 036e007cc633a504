using System.Globalization;
using Census.ApiGateway.Console.Auth;
using Census.ApiGateway.Console.Components;
using Census.ApiGateway.Console.Components.Pages.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Census.ApiGateway.Console;

/// <summary>
/// The web console (console.md): Razor components rendered on the server (static SSR, no interactivity, no script the
/// pages depend on), served by the gateway at <c>/console</c>, signed in with an API key into a server-side session.
/// </summary>
public static class ConsoleHosting
{
    public static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The default scheme: the API's Bearer keys under <c>/api</c>, the console's session everywhere else.</summary>
    public const string SchemeBySurface = "ApiOrConsole";

    public static IServiceCollection AddCensusConsole(this IServiceCollection services, AuthenticationBuilder authentication)
    {
        authentication.AddPolicyScheme(SchemeBySurface, null, o => o.ForwardDefaultSelector = context =>
            IsConsole(context) ? ConsoleAuth.Scheme : Census.ApiGateway.Auth.ApiKeyAuthenticationHandler.SchemeName);
        services.AddRazorComponents();
        // Korean is written as Korean, not as numeric character references (a third of the page's bytes otherwise).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddLocalization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "census.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        services.AddConsoleAuth(authentication);
        return services;
    }

    /// <summary>Before authentication: the console's culture (Korean unless the language cookie says English) and its headers.</summary>
    public static IApplicationBuilder UseCensusConsole(this IApplicationBuilder app)
    {
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Korean),
            SupportedCultures = [Korean, English],
            SupportedUICultures = [Korean, English],
            // Korean first: the browser's Accept-Language does not switch it, only the console's own switch does.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        };
        app.UseWhen(IsConsole, console => console
            .UseRequestLocalization(localization)
            .Use(ConsoleErrorPages.InvokeAsync)
            .Use(async (context, next) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
                    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                headers.CacheControl = "no-store";
                await next(context);
            }));
        return app;
    }

    public static WebApplication MapCensusConsole(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/console")).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        ConsoleAssets.Map(app);
        app.MapAdminConsoleFiles();
        app.MapAgencyConsoleFiles();
        app.MapRequesterConsoleFiles();
        app.MapExportConsoleFiles();
        app.MapProviderConsoleFiles();

        // Sign-out and the language switch are plain form posts: binding [FromForm] makes antiforgery check them.
        app.MapPost(ConsoleAuth.SignOutPath, async (HttpContext context, [FromForm] string? signOut) =>
        {
            await context.SignOutAsync(ConsoleAuth.Scheme);
            return TypedResults.Redirect(ConsoleAuth.SignInPath);
        }).ExcludeFromDescription();
        app.MapPost("/console/language", (HttpContext context, [FromForm] string culture, [FromForm] string? returnUrl) =>
        {
            var chosen = culture == "en" ? English : Korean;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            return TypedResults.Redirect(LocalUrl(returnUrl));
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>A return address inside the console, or the console's home: never another site.</summary>
    public static string LocalUrl(string? url) =>
        url is not null && url.StartsWith("/console", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
            ? url
            : "/console";

    private static bool IsConsole(HttpContext context) =>
        context.Request.Path == "/" || context.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase);
}
