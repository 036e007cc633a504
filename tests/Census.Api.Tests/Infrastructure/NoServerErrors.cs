namespace Census.Api.Tests.Infrastructure;

/// <summary>
/// api.md "Conventions": no input ever yields a 5xx. Every client a test gets from the gateway factory
/// runs its calls through this handler, so a 5xx fails the test at the call that caused it, with
/// the route and the body in the message, whatever the test itself asserts afterwards.
/// </summary>
public sealed class NoServerErrors : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.Fail($"{request.Method} {request.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} {response.StatusCode}: {body}");
        }

        return response;
    }
}
