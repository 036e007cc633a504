namespace Census.ApiGateway.Auth;

/// <summary>A presented key that is a configured admin key: its position in <c>Census:Auth:AdminKeys</c>.</summary>
public readonly record struct AdminKeyMatch(int Index);
