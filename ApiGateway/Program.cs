using Census.ApiGateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCensusGateway();

var app = builder.Build();
app.UseCensusGateway();

// Resolve the admin keys at start-up, so a local run says where its key is before the first request.
_ = app.Services.GetRequiredService<Census.ApiGateway.Auth.AdminKeyRing>();
try
{
    await app.RunAsync();
}
catch (OperationCanceledException)
{
    // Stopped (SIGTERM) while the host was still starting: a normal exit, not a crash.
}

/// <summary>The gateway's entry point; public for WebApplicationFactory in the API tests.</summary>
public partial class Program;
