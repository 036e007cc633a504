using Census.Contracts.Surveys;
using Census.Domain.Rubric;

namespace Census.Domain.Tests.Rubric;

/// <summary>Reads one criterion's levels for a record, against a fixed round deadline.</summary>
internal static class Atus
{
    public static readonly DateOnly Deadline = new(2027, 3, 31);

    /// <summary>The (now, post) levels of criterion <c>C{number}</c>.</summary>
    public static (int Now, int Post) Criterion(SurveyRecord record, int number)
    {
        var levels = AtusRubric.Levels(record, Deadline);
        return (levels.Now[number - 1], levels.Post[number - 1]);
    }

    public static int Now(SurveyRecord record, int number) => Criterion(record, number).Now;

    public static int Post(SurveyRecord record, int number) => Criterion(record, number).Post;

    public static string Reason(SurveyRecord record, int number) => AtusRubric.Levels(record, Deadline).Reasons[number - 1];

    public static ProcessingStep[] Plan(params ProcessingStep[] steps) => steps;
}
