using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace FunctionAgents.Functions.Tests;

/// <summary>
/// What a method can reach, read from the IL of FunctionAgents' own assemblies: every call, constructor and delegate it
/// makes, into async state machines, into every implementation of an interface or virtual member it calls, and into the
/// constructors of each type it runs code of (a handler's lazy pipelines are built there). Methods the MCP SDK invokes
/// by reflection (<c>[McpServerTool]</c>) count as reached once any MCP SDK member is.
/// </summary>
internal sealed class CallGraph
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private readonly List<Type> _ownTypes;

    public CallGraph(IEnumerable<Assembly> assemblies) =>
        _ownTypes = [.. assemblies.Distinct().SelectMany(a => a.GetTypes())];

    public static bool IsOwn(MemberInfo member) =>
        member.Module.Assembly.GetName().Name?.StartsWith("FunctionAgents.", StringComparison.Ordinal) == true;

    /// <summary>Whether <paramref name="root"/> can reach a member of <paramref name="target"/>.</summary>
    public bool Reaches(MethodBase root, Type target) => PathTo(root, target) is not null;

    /// <summary>A chain of calls from <paramref name="root"/> to a member of <paramref name="target"/>, or null.</summary>
    public string? PathTo(MethodBase root, Type target)
    {
        var parents = new Dictionary<MethodBase, MethodBase?> { [root] = null };
        var pending = new Queue<MethodBase>([root]);
        var toolsAdded = false;
        void Enqueue(MethodBase next, MethodBase from)
        {
            if (parents.TryAdd(next, from))
            {
                pending.Enqueue(next);
            }
        }

        while (pending.TryDequeue(out var method))
        {
            foreach (var callee in Callees(method))
            {
                if (callee.DeclaringType is { } type && target.IsAssignableFrom(type))
                {
                    var chain = new List<string> { Name(callee) };
                    for (MethodBase? m = method; m is not null; m = parents[m])
                    {
                        chain.Add(Name(m));
                    }

                    chain.Reverse();
                    return string.Join(" -> ", chain);
                }

                // The MCP server's transport (not its client, which tools use to call out) dispatches to the tools by reflection.
                if (!toolsAdded && callee.Module.Assembly.GetName().Name == "ModelContextProtocol.AspNetCore")
                {
                    toolsAdded = true;
                    foreach (var tool in _ownTypes.SelectMany(t => t.GetMethods(All)).Where(m => m.GetCustomAttributes().Any(a => a.GetType().Name == "McpServerToolAttribute")))
                    {
                        Enqueue(tool, method);
                    }
                }

                if (IsOwn(callee))
                {
                    foreach (var next in Implementations(callee))
                    {
                        Enqueue(next, method);
                    }
                }
            }
        }

        return null;
    }

    private static string Name(MethodBase method) => $"{method.DeclaringType?.Name}.{method.Name}";

    private IEnumerable<MethodBase> Implementations(MethodBase callee)
    {
        yield return callee;
        foreach (var ctor in callee.DeclaringType?.GetConstructors(All) ?? [])
        {
            yield return ctor;
        }

        if (callee is not MethodInfo { IsVirtual: true } method || method.DeclaringType is not { } declaring)
        {
            yield break;
        }

        var definition = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
        foreach (var type in _ownTypes.Where(t => !t.IsInterface && t != declaring))
        {
            if (definition.IsInterface)
            {
                var implemented = type.GetInterfaces().FirstOrDefault(i => (i.IsGenericType ? i.GetGenericTypeDefinition() : i) == definition);
                if (implemented is not null && !type.IsGenericTypeDefinition)
                {
                    var map = type.GetInterfaceMap(implemented);
                    var index = Array.FindIndex(map.InterfaceMethods, m => m.Name == method.Name);
                    if (index >= 0)
                    {
                        yield return map.TargetMethods[index];
                    }
                }
            }
            else if (definition.IsAssignableFrom(type) && type.GetMethods(All).FirstOrDefault(m => m.Name == method.Name && m.GetBaseDefinition() != m) is { } overriding)
            {
                yield return overriding;
            }
        }
    }

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        foreach (var machine in new[] { typeof(AsyncStateMachineAttribute), typeof(IteratorStateMachineAttribute), typeof(AsyncIteratorStateMachineAttribute) }
            .Select(a => (method.GetCustomAttribute(a) as StateMachineAttribute)?.StateMachineType).OfType<Type>())
        {
            if (machine.GetMethod("MoveNext", All) is { } moveNext)
            {
                yield return moveNext;
            }
        }

        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A member of an assembly that is not loadable here: not FunctionAgents code.
                }

                if (callee is not null)
                {
                    yield return callee is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericMethodDefinition() : callee;
                }
            }

            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }
}
