using Census.ApiGateway.Console.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Census.ApiGateway.Console;

/// <summary>
/// An error under /console answered without a body (a stale form's antiforgery 400, a 404, a 405) gets a page in the
/// console's language instead of the API's problem JSON. A page that wrote its own answer (a 403 page, a 404 with
/// its message) is left as it is: the bytes written, not the status, decide.
/// </summary>
internal static class ConsoleErrorPages
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var counted = new CountingStream(original);
        context.Response.Body = counted;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var status = context.Response.StatusCode;
        if (counted.Written > 0 || context.Response.HasStarted || status is < 400 or >= 600)
        {
            return;
        }

        // A component endpoint that refused the request already set up its renderer's services: the page renders in a
        // scope of its own.
        context.Response.Headers.Remove("blazor-enhanced-nav");
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = context.RequestServices;
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await new RazorComponentResult<ErrorPage>(new { Status = status }) { StatusCode = status }.ExecuteAsync(context);
        }
        finally
        {
            context.RequestServices = services;
        }
    }

    /// <summary>Counts what passes to the response body; disposing it leaves the body (the server's) open.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Written += count;
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
