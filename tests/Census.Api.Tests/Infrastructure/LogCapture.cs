using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Census.Api.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every log entry the gateway (and its in-process silo) writes at or
/// above <see cref="MinimumLevel"/>: the formatted message, the exception with its inner exceptions,
/// every structured value of the entry and every value of every scope it was written in.
/// </summary>
public sealed class LogCapture(LogLevel minimumLevel = LogLevel.Trace) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public LogLevel MinimumLevel { get; } = minimumLevel;

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= capture.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var values = new List<string>();
            AddValues(values, state);
            var scopes = new List<string>();
            capture._scopes.ForEachScope((scope, list) => AddValues(list, scope), scopes);
            capture._entries.Enqueue(new CapturedLog(
                category, logLevel, formatter(state, exception), exception?.ToString(), values, scopes));
        }

        private static void AddValues(List<string> into, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    into.Add($"{key}={Describe(value)}");
                }
            }

            into.Add(Describe(state));
        }

        private static string Describe(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable sequence => string.Join(",", sequence.Cast<object?>().Select(v => v?.ToString())),
            _ => value.ToString() ?? "",
        };
    }
}

/// <summary>One captured log entry; <see cref="Text"/> is everything in it, for searching.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, string Message, string? Exception, IReadOnlyList<string> Values, IReadOnlyList<string> Scopes)
{
    public string Text { get; } = string.Join("\n", [Category, Message, Exception ?? "", .. Values, .. Scopes]);
}
