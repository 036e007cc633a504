namespace Census.Domain.Validation;

/// <summary>
/// Field errors keyed by JSON path (<c>record.volume.records</c>), in the order they were found.
/// The gateway turns a non-empty set into a 400 problem with an <c>errors</c> member.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public ValidationErrors Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            messages = [];
            _errors.Add(path, messages);
        }

        messages.Add(message);
        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public static ValidationErrors For(string path, string message) => new ValidationErrors().Add(path, message);
}
