using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Census.Api.Tests.Security;

/// <summary>
/// The methods a method's IL calls (call, callvirt, newobj, ldftn), read from its compiled body; for an
/// async method, its state machine's. Enough to prove which comparison a piece of code uses.
/// </summary>
public static class MethodCalls
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IReadOnlyList<MethodBase> Of(MethodInfo method)
    {
        var body = method.GetCustomAttribute<AsyncStateMachineAttribute>() is { } async
            ? async.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!
            : method;
        var il = body.GetMethodBody()?.GetILAsByteArray() ?? throw new ArgumentException($"{method} has no IL body.", nameof(method));
        var typeArguments = body.DeclaringType?.IsGenericType == true ? body.DeclaringType.GetGenericArguments() : null;
        var calls = new List<MethodBase>();
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                calls.Add(body.Module.ResolveMethod(BitConverter.ToInt32(il, at), typeArguments, null)!);
            }

            at += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }

        return calls;
    }

    public static string Name(MethodBase method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
