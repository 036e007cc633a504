namespace Census.Contracts.Exports;

/// <summary>
/// What the automatic checks say of a file (or of a whole request): <c>pass</c>, <c>fail</c>, or <c>manual-review</c>
/// when there are no figures a machine can check (figures, models, text, code) — never an automatic pass.
/// </summary>
public enum CheckOutcome { Pass, Fail, ManualReview }
