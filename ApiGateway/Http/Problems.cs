namespace Census.ApiGateway.Http;

/// <summary>The problem responses routes return; every one is <c>application/problem+json</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult Validation(ValidationErrors errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See errors for the fields to correct.",
        });

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string detail) =>
        Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Status(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Unprocessable(string detail) =>
        Status(StatusCodes.Status422UnprocessableEntity, "Unprocessable", detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        Status(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>Checks a path id; null when it is well-formed.</summary>
    public static ProblemHttpResult? InvalidId(string name, string value)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, name, value);
        return errors.IsValid ? null : Validation(errors);
    }
}
