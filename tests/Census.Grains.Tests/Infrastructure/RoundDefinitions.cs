using Census.Contracts.Rounds;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>Valid round definitions for tests: <c>RoundDefinitions.Valid(id) with { … }</c>.</summary>
internal static class RoundDefinitions
{
    public static RoundDefinition Valid(string id) => new()
    {
        Id = id,
        Title = "2027 공공데이터 AI 학습 활용성 실태조사",
        Deadline = DateTimeOffset.UtcNow.AddDays(30),
        Selection = new SelectionPolicy { Quota = 100, MaxPerInstitution = 5 },
    };
}
