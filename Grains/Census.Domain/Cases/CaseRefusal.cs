using Census.Contracts.Provision;

namespace Census.Domain.Cases;

/// <summary>Why a case refuses a change, and which kind of refusal it is (the gateway maps the kind to a status).</summary>
public sealed record CaseRefusal(CaseOutcome Outcome, string Detail)
{
    public static CaseRefusal WrongState(string detail) => new(CaseOutcome.WrongState, detail);

    public static CaseRefusal Invalid(string detail) => new(CaseOutcome.Invalid, detail);

    public static CaseRefusal Forbidden(string detail) => new(CaseOutcome.Forbidden, detail);

    public static CaseRefusal Conflict(string detail) => new(CaseOutcome.Conflict, detail);
}
