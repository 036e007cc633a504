namespace Census.Soak;

/// <summary>The request kinds the soak reports separately.</summary>
enum Kind { Create, Update, Get, List, Ranking }
